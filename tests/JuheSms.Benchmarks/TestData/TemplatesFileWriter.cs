using System;
using System.Globalization;
using System.Text;

namespace JuheSms.Benchmarks.TestData
{
    /// <summary>
    /// Writes templates files of any size for the benchmarks, the build-cost script and the robustness tests: realistic
    /// Chinese templates (verification, notification, marketing) with 1 to 4 variables each, unique names and tplIds,
    /// every one short enough to stay one billed SMS with the signature, so a clean file yields no diagnostic at all.
    /// Deterministic: the same count and seed give the same text.
    /// </summary>
    public static class TemplatesFileWriter
    {
        /// <summary>The signature every written file declares (9 characters with the brackets).</summary>
        public const string Signature = "【测试商城】";

        // (name stem, kind, text, variables as name:rule). Rules: d{n} = n digits (pattern), i{n} = int of up to n
        // digits, s{n} = string of up to n characters. Rendered length (signature + text + max values) stays <= 70.
        private static readonly Shape[] Shapes =
        {
            new Shape("LoginCode", "verification", "您的登录验证码是#code#，5分钟内有效，请勿泄露给他人。", "code:d6"),
            new Shape("RegisterCode", "verification", "您正在注册会员，验证码#code#，#minutes#分钟内有效。", "code:d6", "minutes:i2"),
            new Shape("PaymentCode", "verification", "您正在支付#amount#元，验证码#code#，如非本人操作请忽略。", "amount:i5", "code:d6"),
            new Shape("OrderShipped", "notification", "#name#您好，您的订单#order#已发货，快递单号#tracking#。", "name:s4", "order:s10", "tracking:s14"),
            new Shape("Appointment", "notification", "#name#您好，您预约的#date#门诊号为#number#，请准时就诊。", "name:s4", "date:s10", "number:i3"),
            new Shape("AccountCredit", "notification", "#name#，您尾号#tail#的账户于#time#入账#amount#元。", "name:s4", "tail:d4", "time:s11", "amount:i6"),
            new Shape("PickupReady", "notification", "您的包裹已到#station#，取件码#code#，请于#days#日内取件。", "station:s8", "code:d6", "days:i1"),
            new Shape("BillDue", "notification", "#name#您好，您本月账单#amount#元将于#date#到期。", "name:s4", "amount:i5", "date:s5"),
            new Shape("MemberDay", "marketing", "#store#会员日全场#discount#折起，详见App。拒收请回复R", "store:s6", "discount:i1"),
            new Shape("CouponIssued", "marketing", "送您#value#元优惠券，#days#天内有效，详见App。拒收请回复R", "value:i3", "days:i2"),
        };

        /// <summary>A templates file with <paramref name="count"/> templates (tplIds from 100000), namespace <paramref name="ns"/>.</summary>
        public static string Write(int count, int seed = 42, string ns = "Bench.Sms", string className = "SmsTemplates")
        {
            var random = new Random(seed);
            var json = new StringBuilder(count * 400 + 200);
            json.Append("{\n  \"namespace\": \"").Append(ns).Append("\",\n");
            json.Append("  \"className\": \"").Append(className).Append("\",\n");
            json.Append("  \"signature\": \"").Append(Signature).Append("\",\n");
            json.Append("  \"templates\": [");
            for (int i = 0; i < count; i++)
            {
                Shape shape = Shapes[random.Next(Shapes.Length)];
                json.Append(i == 0 ? "\n" : ",\n");
                json.Append("    {\n");
                json.Append("      \"name\": \"").Append(shape.Stem).Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append("\",\n");
                json.Append("      \"tplId\": ").Append((100000 + i).ToString(CultureInfo.InvariantCulture)).Append(",\n");
                json.Append("      \"kind\": \"").Append(shape.Kind).Append("\",\n");
                json.Append("      \"text\": \"").Append(shape.Text).Append("\",\n");
                json.Append("      \"variables\": {");
                for (int v = 0; v < shape.Variables.Length; v++)
                {
                    json.Append(v == 0 ? "\n" : ",\n");
                    AppendVariable(json, shape.Variables[v]);
                }

                json.Append("\n      }\n    }");
            }

            json.Append("\n  ]\n}\n");
            return json.ToString();
        }

        private static void AppendVariable(StringBuilder json, string spec)
        {
            int colon = spec.IndexOf(':');
            string name = spec.Substring(0, colon);
            char rule = spec[colon + 1];
            string max = spec.Substring(colon + 2);
            json.Append("        \"").Append(name).Append("\": { ");
            switch (rule)
            {
                case 'd':
                    json.Append("\"pattern\": \"^[0-9]{").Append(max).Append("}$\", \"maxLength\": ").Append(max);
                    break;
                case 'i':
                    json.Append("\"type\": \"int\", \"maxLength\": ").Append(max);
                    break;
                default:
                    json.Append("\"maxLength\": ").Append(max).Append(", \"description\": \"").Append(name).Append("，最多").Append(max).Append("个字\"");
                    break;
            }

            json.Append(" }");
        }

        private sealed class Shape
        {
            public Shape(string stem, string kind, string text, params string[] variables)
            {
                Stem = stem;
                Kind = kind;
                Text = text;
                Variables = variables;
            }

            public string Stem { get; }

            public string Kind { get; }

            public string Text { get; }

            public string[] Variables { get; }
        }
    }
}
