using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>POST /api/faults: an error code, a dropped connection after acceptance, a late answer; each for <c>count</c> sends.</summary>
    public sealed class FaultTests
    {
        [Fact]
        public async Task An_errorCode_fault_answers_that_code_for_count_sends_then_stops()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            using HttpResponseMessage created = await harness.PostFaultAsync("{\"errorCode\": 205409, \"count\": 2}");

            var first = await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync("13800138000"));
            var second = await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync("13900139000"));
            SmsSendResult third = await harness.SendCodeAsync("13700137000");

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(205409, first.ErrorCode);
            Assert.Equal("系统繁忙,请稍后重试", first.Reason);
            Assert.Equal(205409, second.ErrorCode);
            Assert.Equal("13700137000", Assert.Single(harness.Server.Messages).Mobile);
            Assert.Equal(third.Sid, harness.Server.Messages[0].Sid);
            JsonElement refusal = (await harness.GetJsonAsync("api/refusals"))[0];
            Assert.Equal("errorCode", refusal.GetProperty("fault").GetProperty("kind").GetString());
            Assert.Equal(0, (await harness.GetJsonAsync("api/faults")).GetArrayLength());
        }

        [Fact]
        public async Task DropAfterAccept_records_the_message_as_billed_and_cuts_the_connection()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            using HttpResponseMessage created = await harness.PostFaultAsync("{\"dropAfterAccept\": true, \"count\": 1}");

            var error = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendCodeAsync());

            // The double-billing trap: the client saw no answer, but the message went out and was billed.
            Assert.True(error.RequestMayHaveBeenReceived);
            Inbox.InboxMessage message = Assert.Single(harness.Server.Messages);
            Assert.Equal(1, message.Segments);
            Assert.Equal("dropAfterAccept", message.Fault?.Kind);
            Assert.Equal("dropAfterAccept", (await harness.GetJsonAsync("api/messages"))[0].GetProperty("fault").GetProperty("kind").GetString());
            await harness.SendCodeAsync("13900139000");
            Assert.Equal(2, harness.Server.Messages.Count);
        }

        [Fact]
        public async Task A_delay_fault_answers_late_and_a_client_timeout_meets_it()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync(clientTimeout: TimeSpan.FromMilliseconds(300));
            using HttpResponseMessage created = await harness.PostFaultAsync("{\"delayMs\": 1500, \"count\": 1}");

            var error = await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendCodeAsync());

            Assert.True(error.IsTimeout);
            Assert.Equal(1500, Assert.Single(harness.Server.Messages).Fault?.DelayMs);
        }

        [Fact]
        public async Task A_delay_fault_delays_the_answer_by_delayMs()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            using HttpResponseMessage created = await harness.PostFaultAsync("{\"delayMs\": 400}");

            var watch = Stopwatch.StartNew();
            SmsSendResult result = await harness.SendCodeAsync();
            watch.Stop();

            Assert.True(watch.ElapsedMilliseconds >= 380, "answered after " + watch.ElapsedMilliseconds + " ms");
            Assert.Equal(result.Sid, Assert.Single(harness.Server.Messages).Sid);
        }

        [Theory]
        [InlineData("not json", "not valid JSON")]
        [InlineData("[1]", "JSON object")]
        [InlineData("{\"count\": 2}", "exactly one of")]
        [InlineData("{\"errorCode\": 205409, \"delayMs\": 10}", "exactly one of")]
        [InlineData("{\"errorCode\": 0}", "errorCode")]
        [InlineData("{\"dropAfterAccept\": false}", "dropAfterAccept")]
        [InlineData("{\"delayMs\": -5}", "delayMs")]
        [InlineData("{\"errorCode\": 205409, \"count\": 0}", "count")]
        [InlineData("{\"errorcode\": 205409}", "unknown member")]
        public async Task A_bad_fault_is_a_400_saying_what_is_wrong(string body, string expected)
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();

            using HttpResponseMessage response = await harness.PostFaultAsync(body);
            string text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
            Assert.Equal(0, (await harness.GetJsonAsync("api/faults")).GetArrayLength());
        }

        [Fact]
        public async Task Faults_are_used_in_the_order_they_were_asked_for()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            (await harness.PostFaultAsync("{\"errorCode\": 10012}")).Dispose();
            (await harness.PostFaultAsync("{\"errorCode\": 205403}")).Dispose();

            var first = await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync());
            var second = await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync());

            Assert.Equal(10012, first.ErrorCode);
            Assert.Equal(205403, second.ErrorCode);
        }

        [Fact]
        public async Task Delete_drops_the_waiting_faults()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            (await harness.PostFaultAsync("{\"errorCode\": 205409, \"count\": 5}")).Dispose();

            using HttpResponseMessage deleted = await harness.Http.DeleteAsync("api/faults");
            await harness.SendCodeAsync();

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Single(harness.Server.Messages);
        }
    }
}
