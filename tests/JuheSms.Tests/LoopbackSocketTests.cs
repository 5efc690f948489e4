using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    /// <summary>Through a real socket on 127.0.0.1: what actually goes over the wire.</summary>
    public class LoopbackSocketTests
    {
        [Fact]
        public async Task The_request_on_the_wire_is_a_form_post_with_every_field()
        {
            using var server = new LoopbackHttpServer(TestData.SuccessJson);
            using var http = new HttpClient();
            var client = new JuheSmsClient(http, TestData.Options(o => o.Endpoint = server.Endpoint));
            var message = TestData.Message(new Dictionary<string, string> { ["name"] = "张三 & 😀", ["code"] = "12=34+%" }, mobile: "0086 138 0013 8000");
            message.Ext = "88";

            SmsSendResult result = await client.SendAsync(message);
            RawHttpRequest request = await server.ReceivedRequestAsync();

            Assert.Equal("23d6bc4913614919a823271d820662af", result.Sid);
            Assert.Equal(1, result.Count);
            Assert.Equal(1, result.Fee);

            Assert.Equal("POST", request.Method);
            Assert.Equal("/sms/send", request.Target);
            Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
            Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["Content-Length"]);

            IReadOnlyDictionary<string, string> form = FormBody.Parse(Encoding.ASCII.GetString(request.Body));
            Assert.Equal(TestData.Key, form["key"]);
            Assert.Equal(TestData.Mobile, form["mobile"]);
            Assert.Equal("12345", form["tpl_id"]);
            Assert.Equal("88", form["ext"]);
            var vars = JsonSerializer.Deserialize<Dictionary<string, string>>(form["vars"])!;
            Assert.Equal("张三 & 😀", vars["name"]);
            Assert.Equal("12=34+%", vars["code"]);
            Assert.Equal(5, form.Count);
        }

        // Issue 2's done-when, over a real socket: each answer of the page's wire format maps as documented.
        [Theory]
        [InlineData("{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":2,\"sid\":\"23d6bc4913614919a823271d820662af\"},\"error_code\":0}", 0, "23d6bc4913614919a823271d820662af")]
        [InlineData("{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":1234567890123},\"error_code\":0}", 0, "1234567890123")]
        [InlineData("{\"reason\":\"错误的手机号码\",\"result\":null,\"error_code\":205401}", 205401, null)]
        [InlineData("{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}", 10001, null)]
        [InlineData("{\"reason\":\"发送失败\",\"result\":[],\"error_code\":\"205404\"}", 205404, null)]
        public async Task Each_documented_answer_maps_over_a_real_socket(string answer, int expectedCode, string? expectedSid)
        {
            using var server = new LoopbackHttpServer(answer);
            using var http = new HttpClient();
            var client = new JuheSmsClient(http, TestData.Options(o => o.Endpoint = server.Endpoint));

            if (expectedCode == 0)
            {
                SmsSendResult result = await client.SendAsync(TestData.Message());
                Assert.Equal(expectedSid, result.Sid);
            }
            else
            {
                var ex = await Assert.ThrowsAsync<JuheSmsException>(() => client.SendAsync(TestData.Message()));
                Assert.IsType<JuheSmsException>(ex);
                Assert.Equal(expectedCode, ex.ErrorCode);
                Assert.Equal((JuheSmsError)expectedCode, ex.Error);
                Assert.False(string.IsNullOrEmpty(ex.Reason));
            }

            Assert.Equal("POST", (await server.ReceivedRequestAsync()).Method);
        }

        [Fact]
        public async Task An_html_502_from_a_gateway_keeps_the_status_and_the_body_start()
        {
            string html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
            using var server = new LoopbackHttpServer(html, "502 Bad Gateway", "text/html");
            using var http = new HttpClient();
            var client = new JuheSmsClient(http, TestData.Options(o => o.Endpoint = server.Endpoint));

            var ex = await Assert.ThrowsAsync<JuheSmsResponseException>(() => client.SendAsync(TestData.Message()));

            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Contains("502 Bad Gateway", ex.ResponseBody);
            await server.ReceivedRequestAsync();
        }

        [Fact]
        public async Task A_server_that_reads_the_request_and_hangs_up_may_have_received_it()
        {
            using var server = new LoopbackHttpServer(responseBody: null);
            using var http = new HttpClient();
            var client = new JuheSmsClient(http, TestData.Options(o => o.Endpoint = server.Endpoint));

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));
            await server.ReceivedRequestAsync();

            Assert.False(ex.IsTimeout);
            Assert.True(ex.RequestMayHaveBeenReceived);
        }

        [Fact]
        public async Task A_refused_connection_was_not_sent()
        {
            // Take a free port, then close it: connecting to it is refused.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            using var http = new HttpClient();
            var client = new JuheSmsClient(http, TestData.Options(o => o.Endpoint = new Uri($"http://127.0.0.1:{port}/sms/send")));

            var ex = await Assert.ThrowsAsync<JuheSmsTransportException>(() => client.SendAsync(TestData.Message()));

            Assert.False(ex.IsTimeout);
            Assert.False(ex.RequestMayHaveBeenReceived);
        }
    }
}
