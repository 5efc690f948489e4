namespace JuheSms.Analyzers.Tests.Infrastructure
{
    /// <summary>The templates files the tests use.</summary>
    internal static class TestTemplates
    {
        /// <summary>Where the templates file sits in the test project (the analyzer-config marks this path).</summary>
        public const string Path = "/0/templates.json";

        /// <summary>The repository's reference file (templates.example.json), trimmed to what the tests need.</summary>
        public const string Example = """
            {
              "namespace": "Contoso.Sms",
              "className": "SmsTemplates",
              "signature": "【Contoso】",
              "templates": [
                {
                  "name": "VerificationCode",
                  "tplId": 123456,
                  "kind": "verification",
                  "text": "您的验证码是#code#，#minutes#分钟内有效。",
                  "variables": {
                    "code": { "pattern": "^[0-9]{4,8}$", "maxLength": 8 },
                    "minutes": { "type": "int", "maxLength": 2 }
                  }
                },
                {
                  "name": "OrderShipped",
                  "tplId": 123457,
                  "kind": "notification",
                  "text": "#name#您好，您的订单#order#已发货，快递单号#tracking#。",
                  "variables": {
                    "name": { "maxLength": 10 },
                    "order": { "pattern": "^[A-Z0-9]{6,12}$", "maxLength": 12 },
                    "tracking": { "maxLength": 20 }
                  }
                },
                {
                  "name": "Points",
                  "tplId": 123460,
                  "kind": "notification",
                  "text": "您的积分余额为#balance#。",
                  "variables": {
                    "balance": { "type": "long", "maxLength": 12 }
                  }
                },
                {
                  "name": "Promotion",
                  "tplId": 123470,
                  "kind": "marketing",
                  "text": "#name#，春季特惠全场八折，拒收请回复R",
                  "variables": {
                    "name": { "maxLength": 10 }
                  }
                }
              ]
            }
            """;

        /// <summary>The global analyzer config that marks <see cref="Path"/> as a templates file through its metadata.</summary>
        public const string GlobalConfig = """
            is_global = true

            [/0/templates.json]
            build_metadata.AdditionalFiles.JuheSmsTemplates = true
            """;

        /// <summary>The usings every test source starts with.</summary>
        public const string Usings = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using JuheSms;
            using Contoso.Sms;

            """;
    }
}
