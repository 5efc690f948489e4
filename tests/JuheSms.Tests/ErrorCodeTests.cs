using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JuheSms.Tests.Fakes;
using Xunit;

namespace JuheSms.Tests
{
    public class ErrorCodeTests
    {
        // The page's table, written out here on its own (not read from JuheSmsErrors) so a wrong row fails.
        public static TheoryData<int, JuheSmsError, bool, bool> PageCodes => new TheoryData<int, JuheSmsError, bool, bool>
        {
            // code, member, system level, retryable
            { 205401, JuheSmsError.InvalidMobile, false, false },
            { 205402, JuheSmsError.InvalidTemplateId, false, false },
            { 205403, JuheSmsError.NetworkError, false, true },
            { 205404, JuheSmsError.SendFailed, false, false },
            { 205405, JuheSmsError.MobileAbnormalOrTooFrequent, false, false },
            { 205406, JuheSmsError.TemplateNotSupported, false, false },
            { 205407, JuheSmsError.TooManyMobiles, false, false },
            { 205408, JuheSmsError.InsufficientQuota, false, false },
            { 205409, JuheSmsError.SystemBusy, false, true },
            { 205410, JuheSmsError.WrongRequestMethod, false, false },
            { 10001, JuheSmsError.InvalidKey, true, false },
            { 10002, JuheSmsError.KeyNotPermitted, true, false },
            { 10003, JuheSmsError.KeyExpired, true, false },
            { 10004, JuheSmsError.InvalidOpenId, true, false },
            { 10005, JuheSmsError.ApplicationNotReviewed, true, false },
            { 10007, JuheSmsError.UnknownRequestSource, true, false },
            { 10008, JuheSmsError.IpBanned, true, false },
            { 10009, JuheSmsError.KeyBanned, true, false },
            { 10011, JuheSmsError.IpRequestLimitExceeded, true, false },
            { 10012, JuheSmsError.RequestLimitExceeded, true, false },
            { 10013, JuheSmsError.TestKeyRequestLimitExceeded, true, false },
            { 10014, JuheSmsError.InternalSystemError, true, false },
            { 10020, JuheSmsError.ApiUnderMaintenance, true, false },
            { 10021, JuheSmsError.ApiDisabled, true, false },
        };

        [Theory]
        [MemberData(nameof(PageCodes))]
        public async Task Each_documented_code_becomes_a_typed_exception(int code, JuheSmsError error, bool systemLevel, bool retryable)
        {
            var handler = FakeHttpMessageHandler.Json(TestData.ErrorJson(code, "原因"));

            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.Equal(typeof(JuheSmsException), ex.GetType());
            Assert.Equal(code, ex.ErrorCode);
            Assert.Equal(error, ex.Error);
            Assert.Equal(code, (int)ex.Error);
            Assert.Equal("原因", ex.Reason);
            Assert.Equal(systemLevel, ex.IsSystemLevel);
            Assert.Equal(retryable, ex.IsRetryable);
            Assert.False(string.IsNullOrWhiteSpace(ex.Description));
            Assert.DoesNotContain("does not document", ex.Description, StringComparison.Ordinal);
            Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
            Assert.NotNull(JuheSmsErrors.GetProviderReason(code));
            Assert.Equal(1, handler.CallCount);
        }

        [Fact]
        public void The_enum_has_a_member_for_every_documented_code_and_nothing_else()
        {
            int[] members = Enum.GetValues<JuheSmsError>().Select(e => (int)e).Where(v => v > 0).OrderBy(v => v).ToArray();

            Assert.Equal(PageCodes.Select(row => (int)row[0]).OrderBy(v => v), members);
            Assert.Equal(PageCodes.Select(row => (int)row[0]).OrderBy(v => v), JuheSmsErrors.DocumentedCodes.OrderBy(v => v));
        }

        [Fact]
        public void Descriptions_are_distinct()
        {
            var descriptions = JuheSmsErrors.DocumentedCodes.Select(JuheSmsErrors.Describe).ToList();

            Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
        }

        [Theory]
        [InlineData(205499, false)]
        [InlineData(10099, true)]
        [InlineData(999, false)]
        [InlineData(-3, false)]
        public async Task An_unknown_code_keeps_its_value(int code, bool systemLevel)
        {
            var handler = FakeHttpMessageHandler.Json(TestData.ErrorJson(code, "新的错误"));

            var ex = await Assert.ThrowsAsync<JuheSmsException>(() => TestData.Client(handler).SendAsync(TestData.Message()));

            Assert.Equal(code, ex.ErrorCode);
            Assert.Equal(JuheSmsError.Unknown, ex.Error);
            Assert.Equal(systemLevel, ex.IsSystemLevel);
            Assert.False(ex.IsRetryable);
            Assert.Equal("新的错误", ex.Reason);
        }

        [Fact]
        public void The_skeleton_constructor_still_works()
        {
            var ex = new JuheSmsException(205401, null!);

            Assert.Equal(205401, ex.ErrorCode);
            Assert.Equal(string.Empty, ex.Reason);
            Assert.Equal(JuheSmsError.InvalidMobile, ex.Error);
            Assert.Contains("Wrong mobile number", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Response_and_transport_exceptions_carry_no_provider_code_and_are_not_retryable()
        {
            var response = new JuheSmsResponseException("x", System.Net.HttpStatusCode.BadGateway, new string('a', 5000));
            var transport = new JuheSmsTransportException("y", isTimeout: true, requestMayHaveBeenReceived: true);

            foreach (JuheSmsException ex in new JuheSmsException[] { response, transport })
            {
                Assert.Equal(0, ex.ErrorCode);
                Assert.Equal(JuheSmsError.None, ex.Error);
                Assert.False(ex.IsRetryable);
                Assert.False(ex.IsSystemLevel);
            }

            Assert.Equal(JuheSmsResponseException.MaxBodyExcerptLength, response.ResponseBody.Length);
        }
    }
}
