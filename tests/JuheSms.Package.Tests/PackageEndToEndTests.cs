using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// Issue 3's "done when", through the .nupkg in a fresh project outside the repo: the typed methods post the page's
/// wire format to a server on 127.0.0.1, and every kind of templates-file mistake is reported at its line in
/// <c>dotnet build</c> output.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageEndToEndTests
{
    private readonly PackageFixture _fixture;

    public PackageEndToEndTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Typed_method_posts_the_pages_form_to_a_loopback_server_and_maps_the_answer()
    {
        var consumer = _fixture.CreateConsumer("wire");
        consumer.WriteProject();
        consumer.WriteFile("sms-templates.json", """
            {
              "namespace": "Consumer.Sms",
              "signature": "【Contoso】",
              "templates": [
                {
                  "name": "OrderShipped",
                  "tplId": 200001,
                  "text": "#name#您好，订单#order#已发货。",
                  "variables": { "name": { "maxLength": 10 }, "order": { "pattern": "^[A-Z0-9&=+ %]+$" } }
                }
              ]
            }
            """);
        consumer.WriteFile("Program.cs", """
            using System;
            using System.Net.Http;
            using Consumer.Sms;
            using JuheSms;

            var options = new JuheSmsOptions { Key = "k-123", Endpoint = new Uri(args[0]), VariableEncoding = Enum.Parse<VariableEncoding>(args[1]) };
            var client = new JuheSmsClient(new HttpClient(), options);
            try
            {
                SmsSendResult result = await client.SendOrderShippedAsync("+86 138-0013-8000", "张三", "AB&C=1+2 %", ext: "12");
                Console.WriteLine($"ok sid={result.Sid} fee={result.Fee}");
            }
            catch (JuheSmsException ex)
            {
                Console.WriteLine($"error {ex.ErrorCode}: {ex.Reason}");
            }
            """);
        var build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());

        foreach (var encoding in new[] { "Vars", "TplValue" })
        {
            using var server = new OneShotServer("""{"reason":"短信发送成功","result":{"count":1,"fee":1,"sid":"23d6bc4913614919a823271d820662af"},"error_code":0}""");
            var run = await Task.Run(() => consumer.Run(server.Url + "sms/send", encoding));
            var request = await server.Request;

            Assert.True(run.Succeeded, run.ToString());
            Assert.Contains("ok sid=23d6bc4913614919a823271d820662af fee=1", run.Output);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/sms/send", request.Path);
            Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.OrdinalIgnoreCase);

            var form = ParseForm(request.Body);
            Assert.Equal("k-123", form["key"]);
            Assert.Equal("13800138000", form["mobile"]);
            Assert.Equal("200001", form["tpl_id"]);
            Assert.Equal("12", form["ext"]);
            var expected = new Dictionary<string, string> { ["name"] = "张三", ["order"] = "AB&C=1+2 %" };
            if (encoding == "Vars")
            {
                Assert.False(form.ContainsKey("tpl_value"));
                Assert.Equal(expected, JsonSerializer.Deserialize<Dictionary<string, string>>(form["vars"]));
            }
            else
            {
                Assert.False(form.ContainsKey("vars"));
                Assert.Equal(expected, DecodeTplValue(form["tpl_value"]));
            }
        }

        using (var failing = new OneShotServer("""{"reason":"错误的手机号码","result":[],"error_code":205401}"""))
        {
            var run = await Task.Run(() => consumer.Run(failing.Url + "sms/send", "Vars"));
            Assert.Contains("error 205401: 错误的手机号码", run.Output);
        }
    }

    [Fact]
    public void Each_templates_file_mistake_is_reported_at_its_line_in_dotnet_build_output()
    {
        var consumer = _fixture.CreateConsumer("mistakes");
        consumer.WriteProject();
        // One mistake per line, so the line number says which template a diagnostic belongs to.
        var longText = new string('长', 80);
        consumer.WriteFile("sms-templates.json", $$"""
            {
              "namespace": "Consumer.Sms",
              "signature": "【Contoso】",
              "templates": [
                { "name": "Good", "tplId": 1, "text": "您的验证码是#code#。" },
                { "name": "NoId", "text": "hello" },
                { "name": "Dup", "tplId": 1, "text": "dup" },
                { "name": "9Lives", "tplId": 3, "text": "x" },
                { "name": "Missing", "tplId": 4, "text": "#a##b#", "variables": { "a": {} } },
                { "name": "Unused", "tplId": 5, "text": "#a#", "variables": { "a": {}, "zzz": {} } },
                { "name": "Bracket", "tplId": 6, "text": "【Other】hi" },
                { "name": "Long", "tplId": 7, "text": "{{longText}}" },
                { "name": "Promo", "tplId": 8, "kind": "marketing", "text": "全场五折" },
                { "name": "BadRule", "tplId": 9, "text": "#a#", "variables": { "a": { "pattern": "([" } } }
              ]
            }
            """);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine();\n");

        var build = consumer.Build();

        Assert.False(build.Succeeded, "The build should fail:\n" + build);
        var expected = new (string Id, string Severity, int Line)[]
        {
            ("JSMS002", "error", 6),
            ("JSMS003", "error", 7),
            ("JSMS004", "error", 8),
            ("JSMS005", "error", 9),
            ("JSMS006", "warning", 10),
            ("JSMS007", "error", 11),
            ("JSMS008", "warning", 12),
            ("JSMS009", "warning", 13),
            ("JSMS010", "error", 14),
        };
        var reported = Regex.Matches(build.Output, @"sms-templates\.json\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\)\s*:\s*(?<sev>error|warning)\s+(?<id>JSMS\d{3})\s*:")
            .Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["sev"].Value, Line: int.Parse(m.Groups["line"].Value), Column: int.Parse(m.Groups["col"].Value)))
            .Distinct()
            .ToList();
        foreach (var (id, severity, line) in expected)
        {
            Assert.True(
                reported.Any(r => r.Id == id && r.Severity == severity && r.Line == line && r.Column > 1),
                $"No `sms-templates.json({line},COL): {severity} {id}` in the build output. Reported:\n{string.Join("\n", reported)}\n\n{build}");
        }

        // The good template still generated (the rest of the file generates where it can), and it is the only one.
        Assert.DoesNotContain(reported, r => r.Line == 5);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
    }

    private static Dictionary<string, string> ParseForm(string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            result.Add(FormDecode(pair[..eq]), FormDecode(pair[(eq + 1)..]));
        }

        return result;
    }

    private static string FormDecode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    /// <summary>The page: pairs <c>#name#=value</c> joined by <c>&amp;</c>, each name and value url-encoded on its own.</summary>
    private static Dictionary<string, string> DecodeTplValue(string tplValue)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in tplValue.Split('&'))
        {
            int eq = pair.IndexOf('=');
            string name = Uri.UnescapeDataString(pair[..eq]);
            Assert.True(name.Length > 2 && name[0] == '#' && name[^1] == '#', "tpl_value name not #name#: " + name);
            result.Add(name[1..^1], Uri.UnescapeDataString(pair[(eq + 1)..]));
        }

        return result;
    }

    private sealed record ReceivedRequest(string Method, string Path, string ContentType, string Body);

    /// <summary>A loopback HTTP/1.1 server that answers one request with a JSON body and hands the request over.</summary>
    private sealed class OneShotServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneShotServer(string responseJson)
        {
            _listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
            Request = Task.Run(() => ServeAsync(responseJson));
        }

        public string Url { get; }

        public Task<ReceivedRequest> Request { get; }

        private async Task<ReceivedRequest> ServeAsync(string responseJson)
        {
            using var client = await _listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
            using var stream = client.GetStream();
            var buffer = new List<byte>();
            var chunk = new byte[8192];
            int headerEnd = -1;
            while (headerEnd < 0)
            {
                int n = await stream.ReadAsync(chunk);
                if (n == 0)
                {
                    throw new InvalidOperationException("Connection closed before the headers ended.");
                }

                buffer.AddRange(chunk.AsSpan(0, n).ToArray());
                headerEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray());
            }

            string head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            int length = int.Parse(headers["Content-Length"]);
            while (buffer.Count - (headerEnd + 4) < length)
            {
                int n = await stream.ReadAsync(chunk);
                if (n == 0)
                {
                    break;
                }

                buffer.AddRange(chunk.AsSpan(0, n).ToArray());
            }

            string body = Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, length).ToArray());
            byte[] payload = Encoding.UTF8.GetBytes(responseJson);
            byte[] responseHead = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(responseHead);
            await stream.WriteAsync(payload);
            return new ReceivedRequest(requestLine[0], requestLine[1], headers.GetValueOrDefault("Content-Type") ?? "", body);
        }

        private static int IndexOf(List<byte> haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Count; i++)
            {
                bool match = true;
                for (int j = 0; j < needle.Length && match; j++)
                {
                    match = haystack[i + j] == needle[j];
                }

                if (match)
                {
                    return i;
                }
            }

            return -1;
        }

        public void Dispose() => _listener.Stop();
    }
}
