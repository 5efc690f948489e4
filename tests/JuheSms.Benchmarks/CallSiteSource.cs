using System.Globalization;
using System.Text;

namespace JuheSms.Benchmarks
{
    /// <summary>
    /// Builds the benchmark's input: a templates file and a C# file of about 2,000 lines holding 500 send calls, half
    /// typed (<c>client.SendVerificationCodeAsync(...)</c>), half raw (<c>client.SendAsync(new SmsMessage(...))</c>), with
    /// constant and non-constant values and a few mistakes, so that every rule of the analyzer does its work.
    /// </summary>
    internal static class CallSiteSource
    {
        public const string TemplatesPath = "/bench/sms-templates.json";

        public const string Templates = """
            {
              "namespace": "Bench.Sms",
              "className": "SmsTemplates",
              "signature": "【Bench】",
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
                }
              ]
            }
            """;

        /// <summary>The call-site file: <paramref name="calls"/> sends, four lines each.</summary>
        public static string Build(int calls)
        {
            var s = new StringBuilder();
            s.AppendLine("using System.Collections.Generic;");
            s.AppendLine("using System.Threading;");
            s.AppendLine("using System.Threading.Tasks;");
            s.AppendLine("using JuheSms;");
            s.AppendLine("using Bench.Sms;");
            s.AppendLine();
            s.AppendLine("namespace Bench.App");
            s.AppendLine("{");
            s.AppendLine("    public sealed class Senders");
            s.AppendLine("    {");
            for (int i = 0; i < calls; i++)
            {
                string n = i.ToString(CultureInfo.InvariantCulture);
                s.Append("        public Task M").Append(n).AppendLine("(IJuheSmsClient client, string mobile, string value, CancellationToken ct)");
                s.AppendLine("        {");
                switch (i % 4)
                {
                    case 0:
                        s.AppendLine("            return client.SendVerificationCodeAsync(mobile, value, 5, cancellationToken: ct);");
                        break;
                    case 1:
                        // Constants: every other one breaks a rule (pattern, unsafe character, mobile, ext).
                        s.Append("            return client.SendVerificationCodeAsync(\"13800138000\", ")
                            .Append(i % 8 == 1 ? "\"12#4\"" : "\"123456\"").AppendLine(", 5, \"01\", ct);");
                        break;
                    case 2:
                        s.Append("            return client.SendAsync(new SmsMessage(mobile, 123456, new Dictionary<string, string> { [\"code\"] = value, [\"minutes\"] = \"5\" }) { Ext = ")
                            .Append(i % 8 == 2 ? "\"x\"" : "\"1\"").AppendLine(" }, ct);");
                        break;
                    default:
                        s.Append("            return client.SendAsync(new SmsMessage(\"13800138000\", ")
                            .Append(i % 8 == 3 ? "999999" : "123457")
                            .AppendLine(", new Dictionary<string, string> { { \"name\", value }, { \"order\", \"AB1234\" }, { \"tracking\", \"SF1\" } }), ct);");
                        break;
                }

                s.AppendLine("        }");
            }

            s.AppendLine("    }");
            s.AppendLine("}");
            return s.ToString();
        }
    }
}
