using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using JuheSms.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace JuheSms.Generators.Tests
{
    /// <summary>
    /// Compiles what the generator emits (C# 7.3 without nullable annotations; C# 8 and latest with them; warnings as errors,
    /// missing XML docs reported),
    /// loads it and calls it against a fake client that captures the <see cref="SmsMessage"/>.
    /// </summary>
    public class GeneratedCodeTests
    {
        private const string Runner = """
            #pragma warning disable CS1591 // test code only; the generated code is checked for docs
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Acme.Messaging;
            using Contoso.Sms;
            using JuheSms;

            namespace TestProject
            {
                public sealed class CapturingClient : IJuheSmsClient
                {
                    public SmsMessage? Last { get; private set; }

                    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
                    {
                        Last = message;
                        return Task.FromResult(new SmsSendResult(1, 1, "sid-1"));
                    }
                }

                public static class Runner
                {
                    public static SmsMessage SendVerificationCode(string mobile, string code, int minutes, string? ext)
                    {
                        var client = new CapturingClient();
                        SmsSendResult result = client.SendVerificationCodeAsync(mobile, code, minutes, ext).GetAwaiter().GetResult();
                        if (result.Sid != "sid-1")
                        {
                            throw new System.InvalidOperationException("The client's result was not returned.");
                        }

                        return client.Last!;
                    }

                    public static SmsMessage SendSpringSale(int discount)
                    {
                        var client = new CapturingClient();
                        client.SendSpringSaleAsync("+86 138-0013-8000", discount).GetAwaiter().GetResult();
                        return client.Last!;
                    }

                    public static Task<SmsSendResult> SendWithNullClient()
                        => ((IJuheSmsClient)null!).SendVerificationCodeAsync("13800138000", "1234", 5);

                    public static RenderedSms RenderVerificationCode(string code, int minutes)
                        => SmsTemplates.VerificationCode.Render(code, minutes);

                    public static SmsMessage CreateOrderShipped(string name, string order, string tracking)
                        => SmsTemplates.OrderShipped.CreateMessage("13800138000", name, order, tracking);

                    public static SmsMessage CreateAccountAlert(string @class, string mobileValue, int amount, string orderNo, long remaining)
                        => Texts.AccountAlert.CreateMessage("13800138000", @class, mobileValue, amount, orderNo, remaining);

                    public static RenderedSms RenderAccountAlert(int amount, long remaining)
                        => Texts.AccountAlert.Render("VIP", "8000", amount, "AB12", remaining);

                    public static object[] Constants()
                        => new object[]
                        {
                            SmsTemplates.VerificationCode.TplId,
                            SmsTemplates.VerificationCode.Text,
                            SmsTemplates.VerificationCode.Signature,
                            SmsTemplates.VerificationCode.Kind,
                            SmsTemplates.VerificationCode.VariableNames,
                            SmsTemplates.VerificationCode.CodeVariable,
                            SmsTemplates.SpringSale.Kind,
                        };
                }
            }
            """;

        /// <summary>C# 7.3 is the default of .NET Framework and netstandard2.0 projects: code without nullable annotations.</summary>
        public static TheoryData<LanguageVersion> Versions => new TheoryData<LanguageVersion> { LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.Latest };

        [Theory]
        [MemberData(nameof(Versions))]
        public void Sends_the_message_with_tplId_variables_ext_and_kind(LanguageVersion version)
        {
            Type runner = Compile(version);
            var message = (SmsMessage)Invoke(runner, "SendVerificationCode", "13800138000", "123456", 5, "12")!;

            Assert.Equal("13800138000", message.Mobile);
            Assert.Equal(123456, message.TplId);
            Assert.Equal(new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "5" }, message.Variables);
            Assert.Equal("12", message.Ext);
            Assert.Equal(SmsTemplateKind.Verification, message.Kind);

            var sale = (SmsMessage)Invoke(runner, "SendSpringSale", 8)!;
            Assert.Equal(123458, sale.TplId);
            Assert.Equal(SmsTemplateKind.Marketing, sale.Kind);
            Assert.Null(sale.Ext);
            Assert.Equal("8", sale.Variables["discount"]);
        }

        [Theory]
        [MemberData(nameof(Versions))]
        public void Renders_signature_and_text_with_the_values(LanguageVersion version)
        {
            Type runner = Compile(version);
            var rendered = (RenderedSms)Invoke(runner, "RenderVerificationCode", "1234", 10)!;
            Assert.Equal("【Contoso】您的验证码是1234，10分钟内有效。", rendered.Text);
            Assert.Equal(1, rendered.Segments);

            var alert = (RenderedSms)Invoke(runner, "RenderAccountAlert", -42, 12345678L)!;
            Assert.Equal("【Acme】VIP账户8000消费-42元，单号AB12，余额12345678，<留意> & \"核对\"", alert.Text);
        }

        [Fact]
        public void Exposes_the_template_constants()
        {
            object[] constants = (object[])Invoke(Compile(LanguageVersion.Latest), "Constants")!;
            Assert.Equal(123456, constants[0]);
            Assert.Equal("您的验证码是#code#，#minutes#分钟内有效。", constants[1]);
            Assert.Equal("【Contoso】", constants[2]);
            Assert.Equal(SmsTemplateKind.Verification, constants[3]);
            Assert.Equal(new[] { "code", "minutes" }, (IReadOnlyList<string>)constants[4]);
            Assert.Equal("code", constants[5]);
            Assert.Equal(SmsTemplateKind.Marketing, constants[6]);
        }

        [Theory]
        [InlineData("SendVerificationCode", "code", new object?[] { "13800138000", "12ab", 5, null })]
        [InlineData("SendVerificationCode", "code", new object?[] { "13800138000", "123456789", 5, null })]
        [InlineData("SendVerificationCode", "code", new object?[] { "13800138000", "12#4", 5, null })]
        [InlineData("SendVerificationCode", "code", new object?[] { "13800138000", null, 5, null })]
        [InlineData("SendVerificationCode", "minutes", new object?[] { "13800138000", "1234", 100, null })]
        [InlineData("SendVerificationCode", "minutes", new object?[] { "13800138000", "1234", -10, null })]
        [InlineData("SendVerificationCode", "mobile", new object?[] { "12345", "1234", 5, null })]
        [InlineData("SendVerificationCode", "ext", new object?[] { "13800138000", "1234", 5, "12a" })]
        [InlineData("CreateOrderShipped", "name", new object?[] { "张三【官方】", "ABC123", "SF1" })]
        [InlineData("CreateOrderShipped", "name", new object?[] { "一二三四五六七八九十一", "ABC123", "SF1" })]
        [InlineData("CreateOrderShipped", "order", new object?[] { "张三", "abc", "SF1" })]
        [InlineData("CreateOrderShipped", "tracking", new object?[] { "张三", "ABC123", "line\nbreak" })]
        [InlineData("CreateAccountAlert", "orderNo", new object?[] { "VIP", "8000", 1, "ab12", 1L })]
        [InlineData("CreateAccountAlert", "class", new object?[] { "VIP#1", "8000", 1, "AB12", 1L })]
        [InlineData("CreateAccountAlert", "mobileValue", new object?[] { "VIP", "80000", 1, "AB12", 1L })]
        [InlineData("CreateAccountAlert", "remaining", new object?[] { "VIP", "8000", 1, "AB12", 123456789L })]
        [InlineData("CreateAccountAlert", "amount", new object?[] { "VIP", "8000", 1234567, "AB12", 1L })]
        public void Bad_values_throw_ArgumentException_naming_the_parameter(string method, string parameter, object?[] arguments)
        {
            Type runner = Compile(LanguageVersion.Latest);
            var exception = Assert.IsAssignableFrom<ArgumentException>(Assert.Throws<TargetInvocationException>(() => Invoke(runner, method, arguments)).InnerException);
            Assert.Equal(parameter, exception.ParamName);
        }

        [Fact]
        public void Renamed_and_keyword_parameters_send_the_file_variable_names()
        {
            var message = (SmsMessage)Invoke(Compile(LanguageVersion.Latest), "CreateAccountAlert", "VIP", "8000", 12, "AB12", 1234L)!;
            Assert.Equal(
                new Dictionary<string, string> { ["class"] = "VIP", ["mobile"] = "8000", ["amount"] = "12", ["order_no"] = "AB12", ["balance"] = "1234" },
                message.Variables);
            Assert.Equal(42, message.TplId);
            Assert.Equal(SmsTemplateKind.Notification, message.Kind);
        }

        [Fact]
        public void A_null_client_throws_ArgumentNullException()
        {
            var exception = Assert.Throws<TargetInvocationException>(() => Invoke(Compile(LanguageVersion.Latest), "SendWithNullClient"));
            Assert.Equal("client", Assert.IsType<ArgumentNullException>(exception.InnerException).ParamName);
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

                string example = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot(), "templates.example.json"));
                GeneratorDriver driver = GeneratorRunner.CreateDriver(
                    new[]
                    {
                        new InMemoryAdditionalText("/src/example.sms.json", example),
                        new InMemoryAdditionalText("/src/acme.sms.json", SnapshotTests.Renaming),
                    },
                    languageVersion: version);
                // The runner in C# 7.3 is the same code without its nullable annotations.
                string runnerSource = version == LanguageVersion.CSharp7_3
                    ? Runner.Replace("string? ext", "string ext").Replace("SmsMessage? Last", "SmsMessage Last").Replace("client.Last!", "client.Last").Replace("null!", "null")
                    : Runner;
                CSharpCompilation compilation = GeneratorRunner.CreateCompilation(version, runnerSource)
                    .WithAssemblyName("Generated_" + version);
                driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

                Assert.Empty(generatorDiagnostics);
                Assert.Equal(3, output.SyntaxTrees.Count());
                Assert.All(output.SyntaxTrees, tree => Assert.Equal(version.MapSpecifiedToEffectiveVersion(), ((CSharpParseOptions)tree.Options).LanguageVersion));
                Assert.All(output.SyntaxTrees.Skip(1), tree => Assert.Equal(version >= LanguageVersion.CSharp8, tree.ToString().Contains("#nullable enable", StringComparison.Ordinal)));

                using var stream = new MemoryStream();
                EmitResult result = output.Emit(stream);
                // Warnings are errors here (generalDiagnosticOption), so any warning in the generated code fails too.
                Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
                Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError));

                Type runner = Assembly.Load(stream.ToArray()).GetType("TestProject.Runner", throwOnError: true)!;
                Compiled[version] = runner;
                return runner;
            }
        }

        private static object? Invoke(Type runner, string method, params object?[] arguments)
            => runner.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
    }
}
