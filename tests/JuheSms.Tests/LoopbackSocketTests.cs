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
