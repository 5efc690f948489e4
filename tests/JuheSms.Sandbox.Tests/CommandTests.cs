using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>The juhesms-sandbox command: templates files as the generator reads them, clear messages and exit codes for what is wrong.</summary>
    public sealed class CommandTests : IDisposable
    {
        private const string GoodFile = """
            {
              // comments and trailing commas, as the generator accepts them
              "signature": "【Contoso】",
              "templates": [
                { "name": "VerificationCode", "tplId": 123456, "text": "您的验证码是#code#。", },
              ],
            }
            """;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "juhesms-sandbox-tests-" + Guid.NewGuid().ToString("N"));

        public CommandTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task The_conventional_file_of_the_folder_is_served_with_its_signature()
        {
            File.WriteAllText(Path.Combine(_folder, "sms-templates.json"), GoodFile);

            (int exitCode, string output, _, string? text) = await RunAndSendAsync("--urls", "http://127.0.0.1:0");

            Assert.Equal(0, exitCode);
            Assert.Equal("【Contoso】您的验证码是4321。", text);
            Assert.Contains("sms-templates.json: 1 template", output);
        }

        [Fact]
        public async Task Templates_files_given_with_the_option_are_all_loaded()
        {
            File.WriteAllText(Path.Combine(_folder, "a.json"), GoodFile);
            File.WriteAllText(Path.Combine(_folder, "b.json"), """{ "templates": [ { "name": "Other", "tplId": 7, "text": "hello #x#" } ] }""");

            (int exitCode, string output, _, string? text) = await RunAndSendAsync("--templates", "a.json", "--templates", "b.json", "--urls", "http://127.0.0.1:0");

            Assert.Equal(0, exitCode);
            Assert.Contains("a.json: 1 template", output);
            Assert.Contains("b.json: 1 template", output);
            Assert.Contains("templates: 2", output);
            Assert.NotNull(text);
        }

        [Fact]
        public async Task A_broken_file_prints_the_located_JSMS_error_and_exits_nonzero()
        {
            File.WriteAllText(Path.Combine(_folder, "broken.sms.json"), "{\n  \"templates\": [\n    { \"name\": \"A\", \"text\": \"x\" }\n  ]\n}\n");

            (int exitCode, _, string error) = await RunAsync();

            Assert.Equal(1, exitCode);
            Assert.Matches(@"broken\.sms\.json\(3,5\): error JSMS002: ", error);
        }

        [Fact]
        public async Task Invalid_json_is_located_too()
        {
            File.WriteAllText(Path.Combine(_folder, "bad.json"), "{ \"templates\": [ }");

            (int exitCode, _, string error) = await RunAsync("--templates", "bad.json");

            Assert.Equal(1, exitCode);
            Assert.Matches(@"bad\.json\(1,\d+\): error JSMS001: ", error);
        }

        [Fact]
        public async Task A_missing_file_is_one_clear_message()
        {
            (int exitCode, string output, string error) = await RunAsync("--templates", "nowhere.json");

            Assert.Equal(2, exitCode);
            Assert.Equal("juhesms-sandbox: templates file 'nowhere.json' not found.", error.Trim());
            Assert.Equal(string.Empty, output);
        }

        [Fact]
        public async Task A_folder_without_templates_files_says_how_to_name_one()
        {
            (int exitCode, _, string error) = await RunAsync();

            Assert.Equal(2, exitCode);
            Assert.Contains("sms-templates.json or *.sms.json", error);
        }

        [Fact]
        public async Task A_busy_port_is_one_clear_message()
        {
            File.WriteAllText(Path.Combine(_folder, "sms-templates.json"), GoodFile);
            using var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            int port = ((IPEndPoint)taken.LocalEndpoint).Port;

            (int exitCode, _, string error) = await RunAsync("--urls", "http://127.0.0.1:" + port);

            Assert.Equal(3, exitCode);
            Assert.StartsWith("juhesms-sandbox: cannot listen on http://127.0.0.1:" + port + ": the port is in use", error.Trim());
        }

        [Theory]
        [InlineData("--frobnicate", "unknown option '--frobnicate'")]
        [InlineData("--urls", "--urls needs a value")]
        [InlineData("--max-messages=0", "--max-messages must be a whole number of at least 1")]
        [InlineData("--key=", "the key must not be empty")]
        public async Task A_bad_option_is_named(string arg, string expected)
        {
            (int exitCode, _, string error) = await RunAsync(arg);

            Assert.Equal(2, exitCode);
            Assert.Contains(expected, error);
        }

        [Fact]
        public async Task Help_lists_the_options_and_their_defaults()
        {
            (int exitCode, string output, _) = await RunAsync("--help");

            Assert.Equal(0, exitCode);
            foreach (string expected in new[] { "--templates FILE", "--urls URL", "--key KEY", "--max-messages N", JuheSmsSandboxServerOptions.DefaultToolUrls, "sandbox-key" })
            {
                Assert.Contains(expected, output);
            }
        }

        private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
        {
            // These tests read the English texts, whatever the machine's language (the culture flows only into this call).
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            using var output = new StringWriter();
            using var error = new StringWriter();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            // A run that starts a server is stopped as soon as it listens.
            int exitCode = await SandboxCommand.RunAsync(args, output, error, _folder, timeout.Token, _ => timeout.Cancel());
            return (exitCode, output.ToString(), error.ToString());
        }

        /// <summary>Runs the command, sends the 123456 template once it listens, then stops it.</summary>
        private async Task<(int ExitCode, string Output, string Error, string? Text)> RunAndSendAsync(params string[] args)
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            using var output = new StringWriter();
            using var error = new StringWriter();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            string? text = null;
            Task? sending = null;
            int exitCode = await SandboxCommand.RunAsync(args, output, error, _folder, stop.Token, server =>
            {
                sending = Task.Run(async () =>
                {
                    try
                    {
                        using var http = new System.Net.Http.HttpClient();
                        var client = new JuheSmsClient(http, new JuheSmsOptions { Key = JuheSms.Testing.JuheSmsSandbox.DefaultKey, Endpoint = server.SendEndpoint });
                        await client.SendAsync(new SmsMessage("13800138000", 123456, new System.Collections.Generic.Dictionary<string, string> { ["code"] = "4321" }));
                        text = server.Messages[0].Text;
                    }
                    finally
                    {
                        stop.Cancel();
                    }
                });
            });
            if (sending is not null)
            {
                await sending;
            }

            return (exitCode, output.ToString(), error.ToString(), text);
        }
    }
}
