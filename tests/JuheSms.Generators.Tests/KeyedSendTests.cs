using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using JuheSms.Generators.Tests.Infrastructure;
using JuheSms.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// The keyed send method, <c>Send{Name}Async(mobile, variables..., ext, idempotencyKey, cancellationToken = default)</c>
    /// (issue 13): which overload each call shape binds to, and the generated code run against the sandbox with an
    /// in-memory idempotency store.
    /// </summary>
    public class KeyedSendTests
    {
        private const string Templates = """
            {
              "namespace": "Keyed.Sms",
              "signature": "【Sandbox】",
              "templates": [
                { "name": "LoginCode", "tplId": 101, "kind": "verification", "text": "您的验证码是#code#。", "variables": { "code": { "pattern": "^[0-9]{4,6}$" } } },
                { "name": "Ping", "tplId": 102, "kind": "verification", "text": "系统测试消息" },
                { "name": "Note", "tplId": 103, "text": "#message#（#idempotencyKey#）" }
              ]
            }
            """;

        private const string Runner = """
            #pragma warning disable CS1591 // test code only; the generated code is checked for docs
            using System.Threading;
            using System.Threading.Tasks;
            using JuheSms;
            using Keyed.Sms;

            namespace TestProject
            {
                public static class Runner
                {
                    public static Task<SmsSendResult> LoginCode(IJuheSmsClient client, string code, string? ext, string key)
                        => client.SendLoginCodeAsync("13800138000", code, ext, key);

                    public static Task<SmsSendResult> LoginCodeNamed(IJuheSmsClient client, string key, CancellationToken ct)
                        => client.SendLoginCodeAsync(idempotencyKey: key, ext: null, code: "1234", mobile: "13800138000", cancellationToken: ct);

                    public static Task<SmsSendResult> LoginCodeWithoutKey(IJuheSmsClient client)
                        => client.SendLoginCodeAsync("13800138000", "1234");

                    public static Task<SmsSendResult> Ping(IJuheSmsClient client, string key)
                        => client.SendPingAsync("13800138000", null, key);

                    public static Task<SmsSendResult> Note(IJuheSmsClient client, string key)
                        => client.SendNoteAsync("13800138000", "hello", "K-1", null, key);
                }
            }
            """;

        /// <summary>Every call shape the send method without a key accepted binds to it still; the keyed one only takes calls that pass a key.</summary>
        [Theory]
        [MemberData(nameof(GeneratedCodeTests.Versions), MemberType = typeof(GeneratedCodeTests))]
        public void Calls_bind_to_the_method_without_a_key_unless_they_pass_one(LanguageVersion version)
        {
            // Each call is preceded by the overload it must bind to: "plain" (no key) or "keyed".
            string calls = """
                // plain
                client.SendLoginCodeAsync(m, "1234");
                // plain
                client.SendLoginCodeAsync(m, "1234", "12");
                // plain
                client.SendLoginCodeAsync(m, "1234", null);
                // plain
                client.SendLoginCodeAsync(m, "1234", "12", ct);
                // plain
                client.SendLoginCodeAsync(m, "1234", null, default);
                // plain
                client.SendLoginCodeAsync(m, "1234", cancellationToken: ct);
                // plain
                client.SendLoginCodeAsync(m, "1234", "12", cancellationToken: ct);
                // plain
                client.SendLoginCodeAsync(code: "1234", mobile: m, ext: "12");
                // plain
                SmsTemplates.SendLoginCodeAsync(client, m, "1234", null, ct);
                // keyed
                client.SendLoginCodeAsync(m, "1234", null, "order-1");
                // keyed
                client.SendLoginCodeAsync(m, "1234", "12", "order-1", ct);
                // keyed
                client.SendLoginCodeAsync(m, "1234", ext: null, idempotencyKey: "order-1");
                // keyed
                client.SendLoginCodeAsync(idempotencyKey: "order-1", cancellationToken: ct, ext: "12", code: "1234", mobile: m);
                // keyed
                SmsTemplates.SendLoginCodeAsync(client, m, "1234", null, "order-1");
                // plain
                client.SendPingAsync(m);
                // plain
                client.SendPingAsync(m, "12");
                // plain
                client.SendPingAsync(m, null);
                // plain
                client.SendPingAsync(m, null, ct);
                // keyed
                client.SendPingAsync(m, null, "order-1");
                // keyed
                client.SendPingAsync(m, ext: null, idempotencyKey: "order-1", cancellationToken: ct);
                // plain
                client.SendNoteAsync(m, "hi", "K-1", "12");
                // keyed
                client.SendNoteAsync(m, "hi", "K-1", null, "order-1");
                // keyed
                client.SendNoteAsync(m, message: "hi", idempotencyKeyValue: "K-1", ext: null, idempotencyKey: "order-1");
                """;
            string source = "#pragma warning disable CS1591\nusing System.Threading;\nusing JuheSms;\nusing Keyed.Sms;\nnamespace TestProject\n{\n"
                + "public static class Calls\n{\npublic static void All(IJuheSmsClient client, string m, CancellationToken ct)\n{\n" + calls + "\n}\n}\n}\n";
            Compilation output = Generate(version, version == LanguageVersion.CSharp7_3 ? source : "#nullable enable\n" + source);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError));

            SyntaxTree tree = output.SyntaxTrees.First();
            SemanticModel model = output.GetSemanticModel(tree);
            var invocations = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
            string[] expected = calls.Split('\n').Where(line => line.StartsWith("// ", StringComparison.Ordinal)).Select(line => line.Substring(3).Trim()).ToArray();
            Assert.Equal(expected.Length, invocations.Count);
            for (int i = 0; i < invocations.Count; i++)
            {
                var method = (IMethodSymbol)model.GetSymbolInfo(invocations[i]).Symbol!;
                bool keyed = method.Parameters.Any(p => p.Name == "idempotencyKey");
                Assert.True(expected[i] == (keyed ? "keyed" : "plain"), invocations[i] + " bound to " + method.ToDisplayString());
            }
        }

        /// <summary>The keyed method's ext is required: a key without it is a compile error that names ext, not a silent other binding.</summary>
        [Fact]
        public void A_key_without_ext_is_a_compile_error_naming_ext()
        {
            const string source = "using JuheSms;\nusing Keyed.Sms;\nnamespace TestProject\n{\ninternal static class Calls\n{\n"
                + "internal static void One(IJuheSmsClient client) => client.SendLoginCodeAsync(\"13800138000\", \"1234\", idempotencyKey: \"order-1\");\n}\n}\n";
            Diagnostic error = Assert.Single(Generate(LanguageVersion.Latest, source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Equal("CS7036", error.Id);
            Assert.Contains("'ext'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(GeneratedCodeTests.Versions), MemberType = typeof(GeneratedCodeTests))]
        public async Task A_repeat_with_the_same_key_returns_the_first_sid_and_makes_no_request(LanguageVersion version)
        {
            Type runner = Compile(version);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            SmsSendResult first = await Call(runner, "LoginCode", client, "1234", null, "order-1");
            SmsSendResult again = await Call(runner, "LoginCode", client, "1234", null, "order-1");
            Assert.Equal(1, sandbox.Requests);
            Assert.Equal(first.Sid, again.Sid);
            Assert.False(first.IsReplayed);
            Assert.True(again.IsReplayed);
            Assert.Equal("【Sandbox】您的验证码是1234。", Assert.Single(sandbox.Sent).Text);

            // Named arguments in any order reach the same key; another key is another send.
            SmsSendResult named = await Call(runner, "LoginCodeNamed", client, "order-1", default(System.Threading.CancellationToken));
            Assert.Equal(first.Sid, named.Sid);
            SmsSendResult other = await Call(runner, "LoginCode", client, "1234", "12", "order-2");
            Assert.Equal(2, sandbox.Requests);
            Assert.NotEqual(first.Sid, other.Sid);
            Assert.Equal("12", sandbox.LastSent!.Ext);

            // The method without a key sends every time.
            await Call(runner, "LoginCodeWithoutKey", client);
            await Call(runner, "LoginCodeWithoutKey", client);
            Assert.Equal(4, sandbox.Requests);
        }

        [Fact]
        public async Task A_template_without_variables_has_the_keyed_method_too()
        {
            Type runner = Compile(LanguageVersion.Latest);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            SmsSendResult first = await Call(runner, "Ping", client, "ping-1");
            SmsSendResult again = await Call(runner, "Ping", client, "ping-1");
            Assert.Equal(1, sandbox.Requests);
            Assert.Equal(first.Sid, again.Sid);
            Assert.Equal(102, sandbox.LastSent!.TplId);
        }

        /// <summary>A variable called <c>idempotencyKey</c> gets <c>idempotencyKeyValue</c>, one called <c>message</c> keeps its name (the body's local moves aside).</summary>
        [Fact]
        public async Task Variables_named_like_the_key_or_the_body_local_keep_their_values()
        {
            Type runner = Compile(LanguageVersion.Latest);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            SmsSendResult first = await Call(runner, "Note", client, "note-1");
            SmsSendResult again = await Call(runner, "Note", client, "note-1");
            Assert.Equal(1, sandbox.Requests);
            Assert.Equal(first.Sid, again.Sid);
            Assert.Equal("【Sandbox】hello（K-1）", sandbox.LastSent!.Text);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("line\nbreak")]
        [InlineData("tab\tkey")]
        public async Task An_invalid_key_throws_ArgumentException_naming_idempotencyKey_before_a_request(string key)
        {
            Type runner = Compile(LanguageVersion.Latest);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            ArgumentException exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Call(runner, "LoginCode", client, "1234", null, key));
            Assert.Equal("idempotencyKey", exception.ParamName);
            Assert.Equal(0, sandbox.Requests);
        }

        [Fact]
        public async Task A_key_over_200_characters_throws_ArgumentException_naming_idempotencyKey_before_a_request()
        {
            Type runner = Compile(LanguageVersion.Latest);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            await Call(runner, "LoginCode", client, "1234", null, new string('k', 200));
            ArgumentException exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Call(runner, "LoginCode", client, "1234", null, new string('k', 201)));
            Assert.Equal("idempotencyKey", exception.ParamName);
            Assert.Equal(1, sandbox.Requests);
        }

        /// <summary>A bad value is reported before the key is looked at, as for the method without a key.</summary>
        [Fact]
        public async Task A_bad_value_throws_naming_its_parameter_with_a_key_too()
        {
            Type runner = Compile(LanguageVersion.Latest);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            ArgumentException exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Call(runner, "LoginCode", client, "12ab", null, "order-1"));
            Assert.Equal("code", exception.ParamName);
            exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Call(runner, "LoginCode", client, "1234", "x", "order-1"));
            Assert.Equal("ext", exception.ParamName);
            Assert.Equal(0, sandbox.Requests);

            // Nothing was taken for the key: the same key with good values is sent.
            await Call(runner, "LoginCode", client, "1234", null, "order-1");
            Assert.Equal(1, sandbox.Requests);
        }

        /// <summary>A null key (possible without nullable annotations) is no key, as for <c>SmsMessage.IdempotencyKey</c>: the method without a key passes it.</summary>
        [Fact]
        public async Task A_null_key_sends_without_a_key()
        {
            Type runner = Compile(LanguageVersion.CSharp7_3);
            (JuheSmsSandbox sandbox, IJuheSmsClient client) = CreateClient();

            SmsSendResult first = await Call(runner, "LoginCode", client, "1234", null, null);
            SmsSendResult second = await Call(runner, "LoginCode", client, "1234", null, null);
            Assert.Equal(2, sandbox.Requests);
            Assert.NotEqual(first.Sid, second.Sid);
        }

        [Fact]
        public async Task A_null_client_throws_ArgumentNullException_naming_client()
        {
            Type runner = Compile(LanguageVersion.Latest);
            ArgumentNullException exception = await Assert.ThrowsAsync<ArgumentNullException>(() => Call(runner, "LoginCode", null, "1234", null, "order-1"));
            Assert.Equal("client", exception.ParamName);
        }

        private static (JuheSmsSandbox Sandbox, IJuheSmsClient Client) CreateClient()
        {
            var sandbox = new JuheSmsSandbox()
                .RegisterTemplate(101, "您的验证码是#code#。")
                .RegisterTemplate(102, "系统测试消息")
                .RegisterTemplate(103, "#message#（#idempotencyKey#）");
            sandbox.EnforceFrequencyLimits = false;
            var options = new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey };
            var client = new JuheSmsClient(new HttpClient(sandbox), options, null, null, null, new InMemorySmsIdempotencyStore(null, TimeProvider.System));
            return (sandbox, client);
        }

        private static async Task<SmsSendResult> Call(Type runner, string method, params object?[] arguments)
        {
            Task<SmsSendResult> task;
            try
            {
                task = (Task<SmsSendResult>)runner.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                // The generated method throws its ArgumentException synchronously (before SendAsync); unwrap it.
                throw ex.InnerException;
            }

            return await task;
        }

        private static readonly Dictionary<LanguageVersion, Type> Compiled = new Dictionary<LanguageVersion, Type>();

        private static Type Compile(LanguageVersion version)
        {
            lock (Compiled)
            {
                if (Compiled.TryGetValue(version, out Type? cached))
                {
                    return cached;
                }

                string source = version == LanguageVersion.CSharp7_3 ? Runner.Replace("string? ext", "string ext") : Runner;
                Compilation output = Generate(version, source);
                using var stream = new MemoryStream();
                EmitResult result = output.WithAssemblyName("Keyed_" + version).Emit(stream);
                Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
                Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError));

                Type runner = Assembly.Load(stream.ToArray()).GetType("TestProject.Runner", throwOnError: true)!;
                Compiled[version] = runner;
                return runner;
            }
        }

        private static Compilation Generate(LanguageVersion version, string source)
        {
            GeneratorDriver driver = GeneratorRunner.CreateDriver(new[] { new InMemoryAdditionalText("/src/keyed.sms.json", Templates) }, languageVersion: version);
            driver.RunGeneratorsAndUpdateCompilation(GeneratorRunner.CreateCompilation(version, source), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            Assert.Empty(diagnostics);
            return output;
        }
    }
}
