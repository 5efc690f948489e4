using System;
#if NET8_0_OR_GREATER
using System.Buffers;
using System.Buffers.Text;
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

        // Search-values sets rather than the generic Index...InRange methods, which box in unoptimised (tier-0) code.
        private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(Range(0x00, 0x1F));

        private static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789"u8);

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
                || !TryReadPlainString(ref body, out ReadOnlySpan<byte> reason)
                || !TrySkip(ref body, Count)
                || !TryReadSmallNumber(ref body, out int count)
                || !TrySkip(ref body, Fee)
                || !TryReadSmallNumber(ref body, out int fee)
                || !TrySkip(ref body, Sid)
                || !TryReadPlainString(ref body, out ReadOnlySpan<byte> sid)
                || !body.SequenceEqual(End))
            {
                return false;
            }

            string reasonText = reason.SequenceEqual(SuccessReasonUtf8) ? SuccessReason : Encoding.UTF8.GetString(reason);
            response = SmsResponse.Accepted(reasonText, new SmsSendResult(count, fee, Encoding.UTF8.GetString(sid)), hasResult: true);
            return true;
#else
            return false;
#endif
        }

#if NET8_0_OR_GREATER
        private static byte[] Range(int first, int last)
        {
            var bytes = new byte[last - first + 1];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(first + i);
            }

            return bytes;
        }

        private static bool TrySkip(ref ReadOnlySpan<byte> body, ReadOnlySpan<byte> expected)
        {
            if (!body.StartsWith(expected))
            {
                return false;
            }

            body = body.Slice(expected.Length);
            return true;
        }

        /// <summary>A JSON string up to its closing quote that needs no decoding: no backslash, no control character, valid UTF-8.</summary>
        private static bool TryReadPlainString(ref ReadOnlySpan<byte> body, out ReadOnlySpan<byte> value)
        {
            value = default;
            int quote = body.IndexOfAny((byte)'"', (byte)'\\');
            if (quote < 0 || body[quote] != (byte)'"')
            {
                return false;
            }

            ReadOnlySpan<byte> text = body.Slice(0, quote);
            // Control characters (below 0x20) are not allowed raw in a JSON string; the reader would reject them.
            if (text.IndexOfAny(ControlBytes) >= 0 || !Utf8.IsValid(text))
            {
                return false;
            }

            value = text;
            body = body.Slice(quote + 1);
            return true;
        }

        /// <summary>A non-negative JSON integer of at most 9 digits (so it fits an int), without a leading zero.</summary>
        private static bool TryReadSmallNumber(ref ReadOnlySpan<byte> body, out int value)
        {
            value = 0;
            int digits = body.IndexOfAnyExcept(Digits);
            if (digits <= 0 || digits > 9 || (body[0] == (byte)'0' && digits > 1))
            {
                return false;
            }

            if (!Utf8Parser.TryParse(body.Slice(0, digits), out value, out int consumed) || consumed != digits)
            {
                return false;
            }

            body = body.Slice(digits);
            return true;
        }
#endif
    }
}
