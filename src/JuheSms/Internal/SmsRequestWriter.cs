using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JuheSms.Internal
{
    /// <summary>
    /// Writes the form body of one send: <c>key</c>, <c>mobile</c>, <c>tpl_id</c>, then <c>vars</c> or <c>tpl_value</c>,
    /// then <c>ext</c> when set. It writes UTF-8 bytes straight into a pooled buffer and allocates only the returned array.
    /// It does not validate: the client checks the message first (<see cref="SmsValidation"/>).
    /// </summary>
    internal static class SmsRequestWriter
    {
        /// <summary>The content type the provider's page asks for.</summary>
        public const string ContentType = "application/x-www-form-urlencoded";

        // Why this encoder: the JSON goes into a form field, never into HTML, so escaping HTML-sensitive characters
        // (& + < > ' as \u0026...) only makes the provider's logs unreadable and the body longer. UnsafeRelaxedJsonEscaping
        // keeps CJK and those characters as they are and still escapes what JSON requires (" \ and control characters).
        // Like every built-in encoder it writes characters outside the BMP (emoji) as a \uD83D\uDE00 surrogate pair,
        // which every JSON parser decodes to the same character.
        private static readonly JsonWriterOptions JsonOptions = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
            SkipValidation = true,
        };

        private static ReadOnlySpan<byte> KeyField => "key="u8;

        private static ReadOnlySpan<byte> MobileField => "&mobile="u8;

        private static ReadOnlySpan<byte> TplIdField => "&tpl_id="u8;

        private static ReadOnlySpan<byte> VarsField => "&vars="u8;

        private static ReadOnlySpan<byte> TplValueField => "&tpl_value="u8;

        private static ReadOnlySpan<byte> ExtField => "&ext="u8;

        // tpl_value delimiters after the outer form encoding: '#' -> %23, '=' -> %3D, '&' -> %26.
        private static ReadOnlySpan<byte> EncodedHash => "%23"u8;

        private static ReadOnlySpan<byte> EncodedHashEquals => "%23%3D"u8;

        private static ReadOnlySpan<byte> EncodedAmpersand => "%26"u8;

        [ThreadStatic]
        private static Scratch? t_scratch;

        /// <summary>The form body as bytes (ASCII), ready to post with <see cref="ContentType"/>.</summary>
        /// <param name="key">The API key.</param>
        /// <param name="mobile">The normalised mobile number.</param>
        /// <param name="tplId">The template id.</param>
        /// <param name="variables">The template variables, names without <c>#</c>.</param>
        /// <param name="ext">The extension code, or null to leave the field out.</param>
        /// <param name="encoding">Which variables field to write.</param>
        public static byte[] WriteBody(string key, string mobile, int tplId, IReadOnlyDictionary<string, string> variables, string? ext, VariableEncoding encoding)
            => Write(null, key, mobile, tplId, variables, ext, encoding);

        /// <summary>The same body, with the <c>key</c> field already encoded by <see cref="EncodeKeyField"/> (the client does it once, not per send).</summary>
        /// <param name="keyField">The bytes of <c>key=</c> and the encoded key.</param>
        /// <param name="mobile">The normalised mobile number.</param>
        /// <param name="tplId">The template id.</param>
        /// <param name="variables">The template variables, names without <c>#</c>.</param>
        /// <param name="ext">The extension code, or null to leave the field out.</param>
        /// <param name="encoding">Which variables field to write.</param>
        public static byte[] WriteBody(byte[] keyField, string mobile, int tplId, IReadOnlyDictionary<string, string> variables, string? ext, VariableEncoding encoding)
            => Write(keyField, null, mobile, tplId, variables, ext, encoding);

        /// <summary>The body's first field, <c>key=</c> and the form-encoded key, for <see cref="WriteBody(byte[], string, int, IReadOnlyDictionary{string, string}, string?, VariableEncoding)"/>.</summary>
        public static byte[] EncodeKeyField(string key)
        {
            using var field = new PooledByteBuffer(KeyField.Length + (key.Length * 3));
            field.Write(KeyField);
            FormUrlEncoder.Encode(field, key);
            return field.ToArray();
        }

        private static byte[] Write(byte[]? keyField, string? key, string mobile, int tplId, IReadOnlyDictionary<string, string> variables, string? ext, VariableEncoding encoding)
        {
            Scratch scratch = RentScratch();
            try
            {
                PooledByteBuffer body = scratch.Body;
                if (keyField is not null)
                {
                    body.Write(keyField);
                }
                else
                {
                    body.Write(KeyField);
                    FormUrlEncoder.Encode(body, key!);
                }

                body.Write(MobileField);
                FormUrlEncoder.Encode(body, mobile);
                body.Write(TplIdField);
                WriteInt32(body, tplId);

                if (encoding == VariableEncoding.TplValue)
                {
                    body.Write(TplValueField);
                    WriteTplValue(body, variables);
                }
                else
                {
                    body.Write(VarsField);
                    if (!TryWritePlainVars(body, variables))
                    {
                        WriteVarsJson(scratch, variables);
                        FormUrlEncoder.Encode(body, scratch.Json.WrittenSpan);
                    }
                }

                if (ext is not null)
                {
                    body.Write(ExtField);
                    FormUrlEncoder.Encode(body, ext);
                }

                return body.ToArray();
            }
            finally
            {
                ReturnScratch(scratch);
            }
        }

        /// <summary>The <c>vars</c> value before form encoding: the variables as a JSON object string.</summary>
        public static string BuildVarsJson(IReadOnlyDictionary<string, string> variables)
        {
            Scratch scratch = RentScratch();
            try
            {
                WriteVarsJson(scratch, variables);
                byte[] json = scratch.Json.ToArray();
                return System.Text.Encoding.UTF8.GetString(json, 0, json.Length);
            }
            finally
            {
                ReturnScratch(scratch);
            }
        }

        /// <summary>The <c>tpl_value</c> value before the outer form encoding: <c>#name#=value</c> pairs joined by <c>&amp;</c>, each name and value percent-encoded.</summary>
        public static string BuildTplValue(IReadOnlyDictionary<string, string> variables)
        {
            var builder = new System.Text.StringBuilder();
            foreach (KeyValuePair<string, string> pair in variables)
            {
                if (builder.Length > 0)
                {
                    builder.Append('&');
                }

                builder.Append('#').Append(Uri.EscapeDataString(pair.Key)).Append("#=").Append(Uri.EscapeDataString(pair.Value));
            }

            return builder.ToString();
        }

        private static void WriteTplValue(PooledByteBuffer body, IReadOnlyDictionary<string, string> variables)
        {
            bool first = true;
            foreach (KeyValuePair<string, string> pair in variables)
            {
                if (!first)
                {
                    body.Write(EncodedAmpersand);
                }

                first = false;
                body.Write(EncodedHash);
                FormUrlEncoder.EncodeTwice(body, pair.Key);
                body.Write(EncodedHashEquals);
                FormUrlEncoder.EncodeTwice(body, pair.Value);
            }
        }

        /// <summary>
        /// The <c>vars</c> JSON form-encoded in one pass, straight from the strings, when none of them needs a JSON escape
        /// (<see cref="FormUrlEncoder.TryEncodeJsonPlain"/>): byte for byte what the JSON writer and <see cref="FormUrlEncoder"/>
        /// write, without the JSON in between. False (and what it wrote taken back) otherwise, or for a dictionary type other
        /// than the usual one.
        /// </summary>
        private static bool TryWritePlainVars(PooledByteBuffer body, IReadOnlyDictionary<string, string> variables)
        {
            if (variables.GetType() != typeof(Dictionary<string, string>))
            {
                return false;
            }

            var dictionary = (Dictionary<string, string>)variables;
            if (dictionary.Count == 0)
            {
                body.Write(EncodedJson.Empty);
                return true;
            }

            int start = body.Length;
            bool first = true;
            foreach (KeyValuePair<string, string> pair in dictionary)
            {
                body.Write(first ? EncodedJson.Open : EncodedJson.Between);
                first = false;
                if (!FormUrlEncoder.TryEncodeJsonPlain(body, pair.Key))
                {
                    body.Truncate(start);
                    return false;
                }

                body.Write(EncodedJson.Colon);
                if (!FormUrlEncoder.TryEncodeJsonPlain(body, pair.Value))
                {
                    body.Truncate(start);
                    return false;
                }
            }

            body.Write(EncodedJson.Close);
            return true;
        }

        private static void WriteVarsJson(Scratch scratch, IReadOnlyDictionary<string, string> variables)
        {
            scratch.Json.Clear();
            Utf8JsonWriter writer = scratch.GetJsonWriter();
            writer.WriteStartObject();
            if (variables.GetType() == typeof(Dictionary<string, string>))
            {
                // The usual case, enumerated through its struct enumerator (the interface would box one per send).
                foreach (KeyValuePair<string, string> pair in (Dictionary<string, string>)variables)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }
            }
            else
            {
                foreach (KeyValuePair<string, string> pair in variables)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }
            }

            writer.WriteEndObject();
            writer.Flush();
        }

        private static void WriteInt32(PooledByteBuffer output, int value)
        {
            Span<byte> span = output.Reserve(11);
            if (value < 0)
            {
                if (!Utf8Formatter.TryFormat(value, span, out int written))
                {
                    throw new InvalidOperationException("Formatting an Int32 needs at most 11 bytes.");
                }

                output.Advance(written);
                return;
            }

            // A template id's few digits, right to left (the general formatter costs several times more per send).
            uint rest = (uint)value;
            int digits = 1;
            for (uint bound = 10; digits < 10 && rest >= bound; bound *= 10)
            {
                digits++;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                span[i] = (byte)('0' + (rest % 10));
                rest /= 10;
            }

            output.Advance(digits);
        }

        // One set of buffers per thread, taken out while in use so that a re-entrant call gets its own.
        private static Scratch RentScratch()
        {
            Scratch? scratch = t_scratch;
            t_scratch = null;
            return scratch ?? new Scratch();
        }

        private static void ReturnScratch(Scratch scratch)
        {
            // Don't keep a buffer that a huge message grew.
            if (scratch.Body.Capacity > Scratch.MaxKeptCapacity || scratch.Json.Capacity > Scratch.MaxKeptCapacity)
            {
                scratch.Dispose();
                return;
            }

            scratch.Body.Clear();
            scratch.Json.Clear();
            t_scratch = scratch;
        }

        /// <summary>The JSON punctuation of <c>vars</c> around its names and values, form-encoded once by <see cref="FormUrlEncoder"/>.</summary>
        private static class EncodedJson
        {
            public static readonly byte[] Empty = Encode("{}");

            public static readonly byte[] Open = Encode("{\"");

            public static readonly byte[] Colon = Encode("\":\"");

            public static readonly byte[] Between = Encode("\",\"");

            public static readonly byte[] Close = Encode("\"}");

            private static byte[] Encode(string json)
            {
                using var buffer = new PooledByteBuffer(json.Length * 3);
                FormUrlEncoder.Encode(buffer, json);
                return buffer.ToArray();
            }
        }

        private sealed class Scratch : IDisposable
        {
            public const int MaxKeptCapacity = 16 * 1024;

            private Utf8JsonWriter? _jsonWriter;

            public PooledByteBuffer Body { get; } = new PooledByteBuffer(512);

            public PooledByteBuffer Json { get; } = new PooledByteBuffer(256);

            public Utf8JsonWriter GetJsonWriter()
            {
                if (_jsonWriter is null)
                {
                    _jsonWriter = new Utf8JsonWriter(Json, JsonOptions);
                }
                else
                {
                    _jsonWriter.Reset(Json);
                }

                return _jsonWriter;
            }

            public void Dispose()
            {
                _jsonWriter?.Dispose();
                Body.Dispose();
                Json.Dispose();
            }
        }
    }
}
