using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JuheSms.Internal
{
    /// <summary>What a response body said.</summary>
    internal enum SmsResponseKind
    {
        /// <summary><c>error_code</c> 0: accepted (and billed).</summary>
        Accepted,

        /// <summary>A non-zero <c>error_code</c>: refused.</summary>
        ProviderError,

        /// <summary>Not the documented response (see <see cref="SmsResponse.Problem"/>).</summary>
        Malformed,
    }

    /// <summary>The parsed response body. <see cref="SmsResponseParser.Parse"/> never throws; a bad body is <see cref="SmsResponseKind.Malformed"/>.</summary>
    internal readonly struct SmsResponse
    {
        private readonly string? _problemName;
        private readonly string? _problemDetail;

        private SmsResponse(SmsResponseKind kind, int errorCode, string reason, SmsSendResult? result, bool hasResult, string? problemName, string? problemDetail)
        {
            Kind = kind;
            ErrorCode = errorCode;
            Reason = reason;
            Result = result;
            HasResult = hasResult;
            _problemName = problemName;
            _problemDetail = problemDetail;
        }

        public SmsResponseKind Kind { get; }

        public int ErrorCode { get; }

        public string Reason { get; }

        /// <summary>For <see cref="SmsResponseKind.Accepted"/>: the result (zeros and an empty sid for what was missing).</summary>
        public SmsSendResult? Result { get; }

        /// <summary>For <see cref="SmsResponseKind.Accepted"/>: false when <c>result</c> was missing, null or not an object.</summary>
        public bool HasResult { get; }

        /// <summary>For <see cref="SmsResponseKind.Malformed"/>: what was wrong, in English (for logs).</summary>
        public string? Problem => DescribeProblem(CultureInfo.InvariantCulture);

        /// <summary>For <see cref="SmsResponseKind.Malformed"/>: what was wrong, in <paramref name="culture"/> (for an exception message).</summary>
        public string? DescribeProblem(CultureInfo culture)
            => _problemName is null ? null : Strings.Format(culture, _problemName, _problemDetail);

        public static SmsResponse Accepted(string reason, SmsSendResult result, bool hasResult)
            => new SmsResponse(SmsResponseKind.Accepted, 0, reason, result, hasResult, null, null);

        public static SmsResponse Refused(int errorCode, string reason)
            => new SmsResponse(SmsResponseKind.ProviderError, errorCode, reason, null, false, null, null);

        /// <param name="problemName">The resource that says what was wrong (<c>Problem...</c> in Strings.resx).</param>
        /// <param name="detail">What fills its <c>{0}</c>, if it has one.</param>
        public static SmsResponse Malformed(string problemName, string? detail = null)
            => new SmsResponse(SmsResponseKind.Malformed, 0, string.Empty, null, false, problemName, detail);
    }

    /// <summary>
    /// Reads the provider's JSON answer defensively with <see cref="Utf8JsonReader"/>:
    /// <c>error_code</c> as a number or a numeric string; <c>reason</c> possibly missing; <c>result</c> an object,
    /// <c>null</c>, <c>[]</c> or missing; <c>sid</c> a string or a number; <c>count</c>/<c>fee</c> numbers or numeric strings;
    /// unknown members skipped; a UTF-8 byte order mark allowed.
    /// </summary>
    internal static class SmsResponseParser
    {
        /// <summary>The most bytes of a body the client reads: 1 MiB. The documented answer is about 150 bytes.</summary>
        public const int MaxResponseBytes = 1024 * 1024;

        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 32,
        };

        public static SmsResponse Parse(ReadOnlySpan<byte> body)
        {
            if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
            {
                body = body.Slice(3);
            }

            if (SmsSuccessAnswerMatcher.TryMatch(body, out SmsResponse success))
            {
                return success;
            }

            return ParseWithReader(body);
        }

        /// <summary>The full, defensive read (every body the fast path of <see cref="SmsSuccessAnswerMatcher"/> does not take).</summary>
        internal static SmsResponse ParseWithReader(ReadOnlySpan<byte> body)
        {
            if (IsBlank(body))
            {
                return SmsResponse.Malformed("ProblemEmpty");
            }

            try
            {
                return ParseObject(body);
            }
            catch (JsonException ex)
            {
                return SmsResponse.Malformed("ProblemInvalidJson", ex.Message);
            }
            catch (InvalidOperationException ex)
            {
                // GetString throws this for a string holding invalid UTF-8 or a lone surrogate escape; the reads below
                // check token types first, so that is its only way here.
                return SmsResponse.Malformed("ProblemUnexpectedShape", ex.Message);
            }
        }

        private static SmsResponse ParseObject(ReadOnlySpan<byte> body)
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return SmsResponse.Malformed("ProblemNotAnObject");
            }

            int? errorCode = null;
            bool errorCodeInvalid = false;
            string reason = string.Empty;
            bool hasResult = false;
            int count = 0;
            int fee = 0;
            string sid = string.Empty;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error_code"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        errorCode = null;
                        errorCodeInvalid = false;
                    }
                    else if (TryReadInt32(ref reader, out int code))
                    {
                        errorCode = code;
                        errorCodeInvalid = false;
                    }
                    else
                    {
                        errorCodeInvalid = true;
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("reason"u8))
                {
                    reader.Read();
                    reason = ReadText(ref reader);
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        hasResult = true;
                        ReadResult(ref reader, ref count, ref fee, ref sid);
                    }
                    else
                    {
                        // null, [] (what some failures carry), or anything else: no result.
                        hasResult = false;
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                return SmsResponse.Malformed("ProblemObjectNotClosed");
            }

            if (reader.Read())
            {
                return SmsResponse.Malformed("ProblemTrailingContent");
            }

            if (errorCodeInvalid)
            {
                return SmsResponse.Malformed("ProblemErrorCodeNotInteger");
            }

            if (errorCode is null)
            {
                return SmsResponse.Malformed("ProblemNoErrorCode");
            }

            if (errorCode.Value != 0)
            {
                return SmsResponse.Refused(errorCode.Value, reason);
            }

            return SmsResponse.Accepted(reason, new SmsSendResult(count, fee, sid), hasResult);
        }

        private static void ReadResult(ref Utf8JsonReader reader, ref int count, ref int fee, ref string sid)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("count"u8))
                {
                    reader.Read();
                    count = TryReadInt32(ref reader, out int value) && value >= 0 ? value : 0;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("fee"u8))
                {
                    reader.Read();
                    fee = TryReadInt32(ref reader, out int value) && value >= 0 ? value : 0;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("sid"u8))
                {
                    reader.Read();
                    sid = ReadText(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }

        /// <summary>A string as itself, a number as its JSON text, anything else (null, object, array, bool) as empty; skips containers.</summary>
        private static string ReadText(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString() ?? string.Empty;
                case JsonTokenType.Number:
                    return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                default:
                    reader.Skip();
                    return string.Empty;
            }
        }

        /// <summary>An integer from a JSON number (<c>205401</c>) or a numeric string (<c>"205401"</c>, surrounding spaces allowed).</summary>
        private static bool TryReadInt32(ref Utf8JsonReader reader, out int value)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt32(out value);
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                string? text = reader.GetString();
                return int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            }

            value = 0;
            return false;
        }

        private static bool IsBlank(ReadOnlySpan<byte> body)
        {
            foreach (byte b in body)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The first part of a body as text for an exception, cut on a UTF-8 character boundary.</summary>
        public static string Excerpt(ReadOnlySpan<byte> body, int maxBytes = JuheSmsResponseException.MaxBodyExcerptLength)
        {
            if (body.Length > maxBytes)
            {
                int cut = maxBytes;
                // Step back over continuation bytes (10xxxxxx) so that no character is split.
                while (cut > 0 && (body[cut] & 0xC0) == 0x80)
                {
                    cut--;
                }

                body = body.Slice(0, cut);
            }

            return Encoding.UTF8.GetString(body.ToArray());
        }
    }
}
