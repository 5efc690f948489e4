using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace JuheSms.Testing.Internal
{
    /// <summary>Parses the provider's <c>vars</c> field: a JSON object whose values are strings or numbers.</summary>
    internal static class VarsParser
    {
        /// <returns>Null on success, else a reason in the provider's style.</returns>
        public static string? TryParse(string json, IDictionary<string, string> values)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException ex)
            {
                return "发送失败，vars 不是合法的 JSON 对象：" + ex.Message;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return "发送失败，vars 须为 JSON 对象，例如 {\"code\":\"1234\"}；收到 " + document.RootElement.ValueKind.ToString();
                }

                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.String:
                            values[property.Name] = property.Value.GetString() ?? string.Empty;
                            break;
                        case JsonValueKind.Number:
                            // The number as written ("007" cannot occur in JSON; "1.50" keeps its zero).
                            values[property.Name] = property.Value.GetRawText();
                            break;
                        default:
                            return string.Format(
                                CultureInfo.InvariantCulture,
                                "发送失败，vars 中变量 {0} 的值须为字符串或数字；收到 {1}",
                                property.Name,
                                property.Value.ValueKind);
                    }
                }
            }

            return null;
        }
    }
}
