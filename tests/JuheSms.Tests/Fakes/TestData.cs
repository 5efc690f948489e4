using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace JuheSms.Tests.Fakes
{
    public static class TestData
    {
        public const string Key = "0123456789abcdef0123456789abcdef";
        public const string Mobile = "13800138000";
        public const string MaskedMobile = "138****8000";
        public const int TplId = 12345;

        public const string SuccessJson = "{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"23d6bc4913614919a823271d820662af\"},\"error_code\":0}";

        public static string ErrorJson(int code, string reason = "错误") => "{\"reason\":\"" + reason + "\",\"result\":null,\"error_code\":" + code + "}";

        public static JuheSmsOptions Options(Action<JuheSmsOptions>? configure = null)
        {
            var options = new JuheSmsOptions { Key = Key, Endpoint = new Uri("https://sms.test/sms/send") };
            configure?.Invoke(options);
            return options;
        }

        public static JuheSmsClient Client(HttpMessageHandler handler, Action<JuheSmsOptions>? configure = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
            => new JuheSmsClient(new HttpClient(handler), Options(configure), loggerFactory?.CreateLogger<JuheSmsClient>(), timeProvider);

        public static SmsMessage Message(IReadOnlyDictionary<string, string>? variables = null, string mobile = Mobile, int tplId = TplId)
            => new SmsMessage(mobile, tplId, variables ?? new Dictionary<string, string> { ["code"] = "1234" });
    }
}
