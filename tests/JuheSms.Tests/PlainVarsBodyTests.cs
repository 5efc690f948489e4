using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
using JuheSms.Internal;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>
    /// The one-pass <c>vars</c> body (no JSON in between, taken when no string needs an escape) is byte for byte the body
    /// of the JSON writer path, which a read-only wrapper around the same dictionary still takes.
    /// </summary>
    public class PlainVarsBodyTests
    {
        private const string Key = "0123456789abcdef0123456789abcdef";

        [Fact]
        public void Every_BMP_character_as_a_value_gives_the_JSON_writer_s_body()
        {
            for (int c = 0; c <= 0xFFFF; c++)
            {
                AssertSameBody(new Dictionary<string, string> { ["code"] = "a" + (char)c + "b" });
            }
        }

        [Fact]
        public void Every_BMP_character_in_a_name_gives_the_JSON_writer_s_body()
        {
            for (int c = 0; c <= 0xFFFF; c += 7)
            {
                AssertSameBody(new Dictionary<string, string> { [((char)c).ToString()] = "1", ["x"] = "张先生" });
            }
        }

        [Theory]
        [InlineData("张先生", "SO20251125001", "SF1234567890123")]
        [InlineData("a b+c&d=e", "100%", "~-._")]
        [InlineData("\"quoted\"", "back\\slash", "tab\there")]
        [InlineData("emoji 😀", "<tag>", "'single'")]
        [InlineData("", "【签名】", "line\u2028sep")]
        public void Typical_values_give_the_JSON_writer_s_body(string a, string b, string c)
        {
            AssertSameBody(new Dictionary<string, string> { ["name"] = a, ["order"] = b, ["tracking"] = c });
        }

        [Theory]
        [InlineData("张先生 SO20251125001 a+b&c=d <>'`~", true)]
        [InlineData("", true)]
        [InlineData("\"", false)]
        [InlineData("\\", false)]
        [InlineData("\n", false)]
        [InlineData("😀", false)]
        public void Plain_text_is_what_the_encoder_leaves_alone(string text, bool plain)
        {
            // The typical values do take the one-pass path (so the comparisons above compare two paths).
            Assert.Equal(plain, JsonPlainText.IsPlain(text));
        }

        [Fact]
        public void The_one_pass_encoding_says_plain_exactly_when_the_encoder_does_and_then_writes_what_the_form_encoder_writes()
        {
            for (int c = 0; c <= 0xFFFF; c++)
            {
                string text = "a" + (char)c + "中";
                using var buffer = new PooledByteBuffer(16);
                bool plain = FormUrlEncoder.TryEncodeJsonPlain(buffer, text);
                Assert.True(plain == JsonPlainText.IsPlain(text), "U+" + c.ToString("X4"));
                if (plain)
                {
                    Assert.Equal(OnceEncoded(text), Encoding.ASCII.GetString(buffer.WrittenSpan));
                }
            }
        }

        [Theory]
        [InlineData("13800138000")]
        [InlineData("key with space+plus&=%~-._")]
        [InlineData("😀 emoji and 张先生")]
        [InlineData("lone \uD83D high")]
        [InlineData("lone \uDE00 low")]
        [InlineData("\uDE00\uD83D reversed pair")]
        [InlineData("\u0000\u001F\u007F\u0080\u07FF\u0800\uFFFF")]
        public void A_string_is_form_encoded_as_FormUrlEncodedContent_does(string escaped)
        {
            string text = System.Text.RegularExpressions.Regex.Unescape(escaped);
            using var buffer = new PooledByteBuffer(4);
            FormUrlEncoder.Encode(buffer, text);

            Assert.Equal(OnceEncoded(text), Encoding.ASCII.GetString(buffer.WrittenSpan));
        }

        [Fact]
        public void Every_BMP_character_is_form_encoded_as_FormUrlEncodedContent_does()
        {
            for (int c = 0; c <= 0xFFFF; c++)
            {
                string text = ((char)c).ToString();
                using var buffer = new PooledByteBuffer(1);
                FormUrlEncoder.Encode(buffer, text);
                Assert.Equal(OnceEncoded(text), Encoding.ASCII.GetString(buffer.WrittenSpan));
            }
        }

        [Fact]
        public void No_variables_give_the_JSON_writer_s_body()
        {
            AssertSameBody(new Dictionary<string, string>());
        }

        [Fact]
        public void Random_strings_give_the_JSON_writer_s_body()
        {
            var random = new Random(1201);
            for (int i = 0; i < 3000; i++)
            {
                var variables = new Dictionary<string, string>();
                int count = random.Next(0, 5);
                for (int v = 0; v < count; v++)
                {
                    variables["v" + v] = RandomText(random);
                }

                AssertSameBody(variables);
            }
        }

        /// <summary>What FormUrlEncodedContent writes for a value (it escapes with Uri.EscapeDataString, then a space as '+').</summary>
        private static string OnceEncoded(string text)
            => new System.Net.Http.FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("v", text) }).ReadAsStringAsync().GetAwaiter().GetResult().Substring(2);

        private static string RandomText(Random random)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 12);
            for (int i = 0; i < length; i++)
            {
                switch (random.Next(4))
                {
                    case 0: builder.Append((char)random.Next(0x20, 0x7F)); break;
                    case 1: builder.Append((char)random.Next(0x4E00, 0xA000)); break;
                    case 2: builder.Append(char.ConvertFromUtf32(random.Next(0x1F600, 0x1F650))); break;
                    default: builder.Append((char)random.Next(0, 0xD800)); break;
                }
            }

            return builder.ToString();
        }

        private static void AssertSameBody(Dictionary<string, string> variables)
        {
            // A wrapper is not a Dictionary<string, string>: it always takes the JSON writer path, in the same order.
            byte[] viaJson = SmsRequestWriter.WriteBody(Key, "13800138000", 123457, new ReadOnlyDictionary<string, string>(variables), null, VariableEncoding.Vars);
            byte[] direct = SmsRequestWriter.WriteBody(Key, "13800138000", 123457, variables, null, VariableEncoding.Vars);
            if (!viaJson.AsSpan().SequenceEqual(direct))
            {
                Assert.Equal(Encoding.ASCII.GetString(viaJson), Encoding.ASCII.GetString(direct));
            }
        }
    }
}
