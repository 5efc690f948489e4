using System.Threading.Tasks;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// Each diagnostic with its exact place in the JSON file. The span is marked [|...|] in the test JSON (the markers are
    /// removed before the run); the Roslyn testing library fails on any missing, extra or misplaced diagnostic, and
    /// compiles what was generated for the valid templates.
    /// </summary>
    public class DiagnosticTests
    {
        [Theory]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1 [|"|]text": "x" } ] }""")]
        [InlineData("""[|[|]]""")]
        [InlineData("""{ "templates": [|{|] } }""")]
        [InlineData("""{ "templates": [], [|"templates"|]: [] }""")]
        [InlineData("""[|{|] "namespace": "A" }""")]
        [InlineData("""{ "templates": [ [|42|] ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "x" } ] }[|x|]""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "x", [|"name"|]: "B" } ] }""")]
        public Task JSMS001_invalid_json_or_shape(string json) => Check("JSMS001", json);

        [Theory]
        [InlineData("""{ "templates": [ [|{|] "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ [|{|] "name": "A", "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ [|{|] "name": "A", "tplId": 1 } ] }""")]
        [InlineData("""{ "templates": [ { "name": [|5|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": [|0|], "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": [|-3|], "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": [|"123"|], "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": [|1.5|], "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": [|99999999999999999999999|], "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "kind": [|"promo"|], "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": [|[|]"x"] } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": [|""|] } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": [|[|]] } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": [|"int"|] } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": { "maxLength": [|"5"|] } } } ] }""")]
        [InlineData("""{ "namespace": [|"1Contoso"|], "templates": [] }""")]
        [InlineData("""{ "className": [|"Sms Templates"|], "templates": [] }""")]
        [InlineData("""{ "signature": [|true|], "templates": [] }""")]
        public Task JSMS002_missing_or_wrong_value(string json) => Check("JSMS002", json);

        [Theory]
        [InlineData("""
            { "templates": [
              { "name": "A", "tplId": 1, "text": "x" },
              { "name": "B", "tplId": [|1|], "text": "y" } ] }
            """)]
        [InlineData("""
            { "templates": [
              { "name": "A", "tplId": 1, "text": "x" },
              { "name": [|"A"|], "tplId": 2, "text": "y" } ] }
            """)]
        public Task JSMS003_duplicate_tplId_or_name(string json) => Check("JSMS003", json);

        [Theory]
        [InlineData("""{ "templates": [ { "name": [|"order-shipped"|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": [|"1st"|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": [|"@Foo"|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": [|"名 字"|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": [|"render"|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""{ "templates": [ { "name": [|"SmsTemplates"|], "tplId": 1, "text": "x" } ] }""")]
        [InlineData("""
            { "templates": [
              { "name": "orderShipped", "tplId": 1, "text": "x" },
              { "name": [|"OrderShipped"|], "tplId": 2, "text": "y" } ] }
            """)]
        [InlineData("""
            { "templates": [
              { "name": "Foo", "tplId": 1, "text": "x" },
              { "name": [|"SendFooAsync"|], "tplId": 2, "text": "y" } ] }
            """)]
        public Task JSMS004_invalid_or_clashing_method_name(string json) => Check("JSMS004", json);

        [Fact]
        public Task JSMS005_names_the_missing_variable_at_its_placeholder()
        {
            Marked marked = Marked.Parse("""
                { "templates": [ { "name": "Code", "tplId": 1,
                    "text": "您的验证码是#code#，[|#minutes#|]分钟内有效。",
                    "variables": { "code": {} } } ] }
                """);
            return GeneratorVerifier.VerifyAsync(marked.Text, GeneratorVerifier.WithMessage(GeneratorVerifier.Expect("JSMS005", marked), "minutes", "Code"));
        }

        [Theory]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "line\nnext [|#x#|]", "variables": {} } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "\u4F60\u597D\"[|#x#|]\"", "variables": {} } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "😀[|#x#|]", "variables": {} } ] }""")]
        public Task JSMS005_location_survives_escapes_and_surrogate_pairs(string json) => Check("JSMS005", json);

        [Fact]
        public Task JSMS006_unused_variable_is_a_warning_at_its_name()
        {
            Marked marked = Marked.Parse("""
                { "templates": [ { "name": "A", "tplId": 1, "text": "#a#",
                    "variables": { "a": {}, [|"unused"|]: { "maxLength": 3 } } } ] }
                """);
            return GeneratorVerifier.VerifyAsync(marked.Text, GeneratorVerifier.WithMessage(GeneratorVerifier.Expect("JSMS006", marked), "unused", "A"));
        }

        [Theory]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": {}, [|"a b"|]: {} } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": {}, [|""|]: {} } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": {}, [|"x=y"|]: {} } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": {}, [|"x&y"|]: {} } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "a #b# c[|#|]" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "x[|【|]Contoso】y" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "x [|##|] y" } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "x [|#a b#|] y" } ] }""")]
        public Task JSMS007_placeholder_rules(string json) => Check("JSMS007", json);

        [Fact]
        public Task JSMS008_long_message_counts_billed_segments()
        {
            // 【Contoso】 (9) + 56 characters of text around #code# + code at 8 = 73 characters: 2 billed messages (70, then per 67).
            Marked marked = Marked.Parse("""
                { "signature": "【Contoso】", "templates": [ { "name": "Long", "tplId": 1,
                  "text": [|"您的验证码是#code#，十分钟内有效。请勿将验证码告诉任何人，包括自称客服的人员。如非本人操作请忽略本短信并尽快修改密码。"|],
                  "variables": { "code": { "maxLength": 8 } } } ] }
                """);
            return GeneratorVerifier.VerifyAsync(marked.Text, GeneratorVerifier.Expect("JSMS008", marked)
                .WithMessage("Template 'Long' can render to 73 characters with the signature, billed as 2 messages (one message holds 70)"));
        }

        [Fact]
        public Task JSMS008_says_at_least_when_a_string_has_no_maxLength()
        {
            string text = new string('长', 71);
            Marked marked = Marked.Parse("{ \"templates\": [ { \"name\": \"Long\", \"tplId\": 1, \"text\": [|\"" + text + "#x#\"|] } ] }");
            return GeneratorVerifier.VerifyAsync(marked.Text, GeneratorVerifier.Expect("JSMS008", marked)
                .WithMessage("Template 'Long' can render to at least 71 characters with the signature, billed as at least 2 messages (one message holds 70)"));
        }

        [Fact]
        public Task JSMS009_marketing_without_the_unsubscribe_suffix()
        {
            Marked marked = Marked.Parse("""{ "templates": [ { "name": "Sale", "tplId": 1, "kind": "marketing", "text": [|"春季大促，全场八折。"|] } ] }""");
            return GeneratorVerifier.VerifyAsync(marked.Text, GeneratorVerifier.WithMessage(GeneratorVerifier.Expect("JSMS009", marked), "Sale"));
        }

        [Fact]
        public Task JSMS009_not_reported_when_the_suffix_is_there()
            => GeneratorVerifier.VerifyAsync("""{ "templates": [ { "name": "Sale", "tplId": 1, "kind": "marketing", "text": "春季大促，全场八折。拒收请回复R" } ] }""");

        [Theory]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": { "pattern": [|"[0-9"|] } } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": { "maxLength": [|0|] } } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": { "type": [|"float"|] } } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#a#", "variables": { "a": { "parameter": [|"1x"|] } } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "#1st#", "variables": { [|"1st"|]: {} } } ] }""")]
        [InlineData("""{ "templates": [ { "name": "A", "tplId": 1, "text": "x [|#1st#|] y" } ] }""")]
        public Task JSMS010_invalid_variable_rule(string json) => Check("JSMS010", json);

        [Fact]
        public Task Every_independent_mistake_of_a_file_is_reported_in_one_pass_each_at_its_token()
        {
            const string json = """
                { "templates": [
                  { "name": "A", "tplId": 0, "text": "x" },
                  { "name": "B", "tplId": 2, "kind": "promo", "text": "#a#", "variables": { "a": { "pattern": "[0-9" } } },
                  { "name": "C", "tplId": 3, "text": "y#" }
                ] }
                """;
            return GeneratorVerifier.VerifyAsync(
                json,
                GeneratorVerifier.Expect("JSMS002", 2, 27, 2, 28),
                GeneratorVerifier.Expect("JSMS002", 3, 38, 3, 45),
                GeneratorVerifier.Expect("JSMS010", 3, 95, 3, 101),
                GeneratorVerifier.Expect("JSMS007", 4, 40, 4, 41));
        }

        [Fact]
        public Task A_repeated_tplId_or_name_is_reported_even_beside_other_errors()
        {
            // B repeats A's tplId and has a bad maxLength; the second A repeats the name and has a bad tplId; "a" makes A's members.
            const string json = """
                { "templates": [
                  { "name": "A", "tplId": 1, "text": "x" },
                  { "name": "B", "tplId": 1, "text": "#a#", "variables": { "a": { "maxLength": 0 } } },
                  { "name": "A", "tplId": "x", "text": "z" },
                  { "name": "a", "tplId": 9, "text": "w" }
                ] }
                """;
            return GeneratorVerifier.VerifyAsync(
                json,
                GeneratorVerifier.Expect("JSMS003", 3, 27, 3, 28).WithMessage("Another template already has the tplId 1"),
                GeneratorVerifier.Expect("JSMS010", 3, 80, 3, 81),
                GeneratorVerifier.Expect("JSMS003", 4, 13, 4, 16).WithMessage("Another template already has the name 'A'; no method is generated for this one"),
                GeneratorVerifier.Expect("JSMS002", 4, 27, 4, 30),
                GeneratorVerifier.Expect("JSMS004", 5, 13, 5, 16).WithMessage("The template name 'a' makes the same C# member (A / SendAAsync) as another template; no method is generated for this one"));
        }

        [Fact]
        public Task Templates_file_marked_by_metadata_is_read_whatever_its_name()
        {
            Marked marked = Marked.Parse("""{ "templates": [|{|] } }""");
            GeneratorVerifier test = GeneratorVerifier.ForDiagnostics(marked.Text, path: "/src/Texts/approved.json");
            test.TestState.AnalyzerConfigFiles.Add(("/src/.globalconfig2", "is_global = true\nglobal_level = 1\n\n[/src/Texts/approved.json]\nbuild_metadata.AdditionalFiles.JuheSmsTemplates = true\n"));
            test.ExpectedDiagnostics.Add(GeneratorVerifier.Expect("JSMS001", marked, "/src/Texts/approved.json"));
            return test.RunAsync();
        }

        [Fact]
        public Task Metadata_false_opts_a_conventionally_named_file_out()
        {
            GeneratorVerifier test = GeneratorVerifier.ForDiagnostics("not json at all");
            test.TestState.AnalyzerConfigFiles.Add(("/src/.globalconfig2", "is_global = true\nglobal_level = 1\n\n[/src/sms-templates.json]\nbuild_metadata.AdditionalFiles.JuheSmsTemplates = false\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Other_json_files_are_ignored()
        {
            GeneratorVerifier test = GeneratorVerifier.ForDiagnostics("not json at all", path: "/src/appsettings.json");
            return test.RunAsync();
        }

        private static Task Check(string id, string json)
        {
            Marked marked = Marked.Parse(json);
            return GeneratorVerifier.VerifyAsync(marked.Text, GeneratorVerifier.Expect(id, marked));
        }
    }
}
