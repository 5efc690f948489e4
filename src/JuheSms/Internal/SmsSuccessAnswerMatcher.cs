using System;
#if NET8_0_OR_GREATER
using System.Text;
using System.Text.Unicode;
#endif

namespace JuheSms.Internal
{
    /// <summary>
    /// A fast path for the one answer nearly every send gets: the provider's success JSON exactly as its page shows it,
    /// <c>{"reason":"…","result":{"count":N,"fee":N,"sid":"…"},"error_code":0}</c>, with no whitespace, no escapes, members
    /// in that order. It compares the bytes in one pass and reads the two strings and two numbers, about a tenth of what
    /// <see cref="System.Text.Json.Utf8JsonReader"/> costs for the same body. Anything else, however slightly different,
    /// is left to <see cref="SmsResponseParser"/>'s reader (returns false): the fast path never decides a body the reader
    /// would read differently, and the tests compare the two on every answer they know and on seeded mutations.
    /// </summary>
    internal static class SmsSuccessAnswerMatcher
    {
        /// <summary>The page's <c>reason</c> of a success, handed out without a new string each time.</summary>
        internal const string SuccessReason = "短信发送成功";

#if NET8_0_OR_GREATER
        private static ReadOnlySpan<byte> SuccessReasonUtf8 => "短信发送成功"u8;

        private static ReadOnlySpan<byte> Start => "{\"reason\":\""u8;

        private static ReadOnlySpan<byte> Count => ",\"result\":{\"count\":"u8;

        private static ReadOnlySpan<byte> Fee => ",\"fee\":"u8;

        private static ReadOnlySpan<byte> Sid => ",\"sid\":\""u8;

        private static ReadOnlySpan<byte> End => "},\"error_code\":0}"u8;
#endif

        /// <summary>True, with the parsed answer, when <paramref name="body"/> is the success answer in its exact documented form.</summary>
        public static bool TryMatch(ReadOnlySpan<byte> body, out SmsResponse response)
        {
            response = default;
#if NET8_0_OR_GREATER
            if (!TrySkip(ref body, Start)
                || !TryReadPlainString(ref body, out ReadOnlySpan<byte> reason, out _)
                || !TrySkip(ref body, Count)
                || !TryReadSmallNumber(ref body, out int count)
                || !TrySkip(ref body, Fee)
                || !TryReadSmallNumber(ref body, out int fee)
                || !TrySkip(ref body, Sid)
                || !TryReadPlainString(ref body, out ReadOnlySpan<byte> sid, out bool sidIsAscii)
                || !body.SequenceEqual(End))
            {
                return false;
            }

            string reasonText = reason.SequenceEqual(SuccessReasonUtf8) ? SuccessReason : Encoding.UTF8.GetString(reason);
            response = SmsResponse.Accepted(reasonText, new SmsSendResult(count, fee, sidIsAscii ? Encoding.Latin1.GetString(sid) : Encoding.UTF8.GetString(sid)), hasResult: true);
            return true;
#else
            return false;
#endif
        }

#if NET8_0_OR_GREATER
        private static bool TrySkip(ref ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected)
        {
            if (!body.StartsWith(expected))
            {
                return false;
            }

            body = body.Slice(expected.Length);
            return true;
        }

        /// <summary>A JSON string up to its closing quote that needs no decoding: no backslash, no control character, valid UTF-8 (<paramref name="ascii"/>: all of it ASCII, the same text in Latin-1).</summary>
        private static bool TryReadPlainString(ref ReadOnlySpan<byte> body, out ReadOnlySpan<byte> value, out bool ascii)
        {
            // One scalar pass: the strings are short (a reason, a 32-character sid), too short for the vectorised searches
            // to pay for their set-up three times over.
            value = default;
            ascii = true;
            for (int i = 0; i < body.Length; i++)
            {
                byte b = body[i];
                if (b == (byte)'"')
                {
                    ReadOnlySpan<byte> text = body.Slice(0, i);
                    if (!ascii && !text.SequenceEqual(SuccessReasonUtf8) && !Utf8.IsValid(text))
                    {
                        return false;
                    }

                    value = text;
                    body = body.Slice(i + 1);
                    return true;
                }

                // Control characters (below 0x20) are not allowed raw in a JSON string (the reader would reject them); a
                // backslash starts an escape, which only the reader decodes.
                if (b < 0x20 || b == (byte)'\\')
                {
                    return false;
                }

                ascii &= b < 0x80;
            }

            return false;
        }

        /// <summary>A non-negative JSON integer of at most 9 digits (so it fits an int), without a leading zero.</summary>
        private static bool TryReadSmallNumber(ref ReadOnlySpan<byte> body, out int value)
        {
            value = 0;
            int digits = 0;
            while (digits < body.Length && digits <= 9 && (uint)(body[digits] - '0') <= 9)
            {
                value = (value * 10) + (body[digits] - '0');
                digits++;
            }

            if (digits == 0 || digits > 9 || (body[0] == (byte)'0' && digits > 1))
            {
                value = 0;
                return false;
            }

            body = body.Slice(digits);
            return true;
        }
#endif
    }
}
