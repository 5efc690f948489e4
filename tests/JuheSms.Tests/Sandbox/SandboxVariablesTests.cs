using System.Threading.Tasks;
using JuheSms.Testing;
using Xunit;

namespace JuheSms.Tests.Sandbox
{
    public class SandboxVariablesTests
    {
        private const string Key = JuheSmsSandbox.DefaultKey;
        private const string Mobile = SandboxHarness.Mobile;

        public static TheoryData<string> TrickyValues => new TheoryData<string>
        {
            "张三",
            "😀🎉",
            "a&b=c",
            "100%",
            "%41",          // a literal percent sign followed by hex digits must not be decoded twice
            "1+1=2",        // '+' is not a space at the second level
            "hello world",
            "  two  spaces ",
            "=&=&",
            "订单&编号=A+B 100%",
        };

        [Theory]
        [MemberData(nameof(TrickyValues))]
        public async Task Tpl_value_round_trips_with_percent_encoding(string value)
        {
            using var harness = new SandboxHarness();

            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"), ("tpl_value", Form.TplValue(("name", value), ("order", "A-1"))));

            answer.AssertAccepted();
            SentSms sent = Assert.Single(harness.Sandbox.Sent);
            Assert.Equal(value, sent.Variables["name"]);
            Assert.Equal("【聚合数据】" + value + "，您的订单A-1已发货", sent.Text);
        }

        [Theory]
        [MemberData(nameof(TrickyValues))]
        public async Task Vars_round_trips_through_json(string value)
        {
            using var harness = new SandboxHarness();
            string vars = System.Text.Json.JsonSerializer.Serialize(new System.Collections.Generic.Dictionary<string, string> { ["name"] = value, ["order"] = "A-1" });

            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"), ("vars", vars));

            answer.AssertAccepted();
            Assert.Equal("【聚合数据】" + value + "，您的订单A-1已发货", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task The_pages_tpl_value_example_is_understood()
        {
            using var harness = new SandboxHarness();

            // The page: "#code#=431515", the whole string url-encoded -> %23code%23%3d431515 (lower-case hex as printed).
            Answer answer = await harness.PostRawAsync("key=sandbox-key&mobile=13800138000&tpl_id=1&tpl_value=%23code%23%3d431515");

            answer.AssertAccepted();
            Assert.Equal("【Sandbox】您的验证码是431515，5分钟内有效。", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task Tpl_value_encoded_the_pages_minimal_way_keeps_plus_signs()
        {
            using var harness = new SandboxHarness();

            // The page asks to encode a name or value only when it holds '#', '&' or '='; a '+' or a space may come as is,
            // and the second-level decoding must not turn that '+' into a space.
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"), ("tpl_value", "#name#=a%26b c+d%3D&#order#=1+1"));

            answer.AssertAccepted();
            Assert.Equal("【聚合数据】a&b c+d=，您的订单1+1已发货", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task The_pages_vars_example_is_understood()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.RegisterTemplate(5, "#name#您好，验证码#code#");

            // The page: vars={"name": "张三", "code": "1234"} (with its spaces), posted as a form field.
            Answer answer = await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "5"), ("vars", "{\"name\": \"张三\", \"code\": \"1234\"}"));

            answer.AssertAccepted();
            Assert.Equal("【Sandbox】张三您好，验证码1234", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task Vars_numbers_are_taken_as_written()
        {
            using var harness = new SandboxHarness();

            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"), ("vars", "{\"name\":12,\"order\":1.50}"))).AssertAccepted();

            Assert.Equal("【聚合数据】12，您的订单1.50已发货", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task Json_escapes_in_vars_are_decoded()
        {
            using var harness = new SandboxHarness();

            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"\\u5f20\\ud83d\\ude00\"}"))).AssertAccepted();

            Assert.Equal("【Sandbox】您的验证码是张😀，5分钟内有效。", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task Extra_variables_are_ignored_but_kept()
        {
            using var harness = new SandboxHarness();

            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"1\",\"unused\":\"x\"}"))).AssertAccepted();

            SentSms sent = harness.Sandbox.LastSent!;
            Assert.Equal("【Sandbox】您的验证码是1，5分钟内有效。", sent.Text);
            Assert.Equal("x", sent.Variables["unused"]);
        }

        [Fact]
        public async Task A_value_that_looks_like_a_placeholder_is_not_substituted_again()
        {
            using var harness = new SandboxHarness();

            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "2"), ("tpl_value", Form.TplValue(("name", "#order#"), ("order", "A-1"))))).AssertAccepted();

            Assert.Equal("【聚合数据】#order#，您的订单A-1已发货", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task A_repeated_placeholder_takes_the_same_value_everywhere()
        {
            using var harness = new SandboxHarness();
            harness.Sandbox.RegisterTemplate(6, "#code#，重复一次：#code#");

            (await harness.PostAsync(("key", Key), ("mobile", Mobile), ("tpl_id", "6"), ("tpl_value", Form.TplValue(("code", "9 9"))))).AssertAccepted();

            Assert.Equal("【Sandbox】9 9，重复一次：9 9", harness.Sandbox.LastSent!.Text);
        }

        [Fact]
        public async Task A_body_field_wins_over_the_same_query_field()
        {
            using var harness = new SandboxHarness();
            using var content = new System.Net.Http.StringContent(
                Form.Encode(("key", Key), ("mobile", Mobile), ("tpl_id", "1"), ("vars", "{\"code\":\"body\"}")),
                System.Text.Encoding.ASCII,
                "application/x-www-form-urlencoded");

            using var response = await harness.Http.PostAsync("sms/send?" + Form.Encode(("key", "query-key"), ("ext", "7")), content);

            (await Answer.ReadAsync(response)).AssertAccepted();
            Assert.Equal("【Sandbox】您的验证码是body，5分钟内有效。", harness.Sandbox.LastSent!.Text);
            Assert.Equal("7", harness.Sandbox.LastSent.Ext);
        }
    }
}
