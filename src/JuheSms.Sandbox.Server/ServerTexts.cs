using System.Collections.Generic;
using System.Globalization;
using System.Resources;

namespace JuheSms.Sandbox
{
    /// <summary>
    /// The server's words: exception messages and the API's errors from <c>Resources/ServerTexts.resx</c> (English) and
    /// its translations (<c>ServerTexts.zh-Hans.resx</c>), chosen by <see cref="CultureInfo.CurrentUICulture"/>; each
    /// accessor is named for its resource and its arguments fill <c>{0}</c>, <c>{1}</c>... in order. The inbox page's
    /// labels (<see cref="Page"/> and <see cref="PageZhHans"/>, served as <c>/inbox-text.js</c>) follow the browser's
    /// languages instead (<see cref="PageFor"/>): the page is the browser's, not the server process's. The provider's own
    /// reasons (Chinese, as the provider answers) are not here: they belong to the provider model.
    /// </summary>
    internal static class ServerTexts
    {
        private static readonly ResourceManager Resources = new ResourceManager("JuheSms.Sandbox.Resources.ServerTexts", typeof(ServerTexts).Assembly);

        /// <summary>The manager, for tests that enumerate the resources.</summary>
        internal static ResourceManager Manager => Resources;

        public static string EmptyKey => Get(nameof(EmptyKey));

        public static string EmptyUrls => Get(nameof(EmptyUrls));

        public static string NullSignature => Get(nameof(NullSignature));

        public static string NotStarted => Get(nameof(NotStarted));

        public static string AlreadyStarted => Get(nameof(AlreadyStarted));

        public static string BadTplId => Get(nameof(BadTplId));

        public static string EmptyTemplateText => Get(nameof(EmptyTemplateText));

        public static string MissingPageResource => Get(nameof(MissingPageResource));

        public static string FaultNotObject => Get(nameof(FaultNotObject));

        public static string FaultBadErrorCode => Get(nameof(FaultBadErrorCode));

        public static string FaultBadDrop => Get(nameof(FaultBadDrop));

        public static string FaultNeedsOneKind => Get(nameof(FaultNeedsOneKind));

        /// <summary>The inbox page's words, by the key the page's script looks up.</summary>
        public static readonly IReadOnlyDictionary<string, string> Page = new Dictionary<string, string>
        {
            ["lang"] = "en",
            ["title"] = "SMS inbox",
            ["subtitle"] = "juhesms-sandbox",
            ["filterPlaceholder"] = "Filter by number",
            ["clear"] = "Clear",
            ["clearConfirm"] = "Delete every message from the inbox?",
            ["live"] = "Live",
            ["offline"] = "Reconnecting…",
            ["emptyTitle"] = "No messages yet",
            ["emptyHint"] = "Send to {endpoint} with key {key}: messages show here as they arrive.",
            ["emptyFiltered"] = "No message for this number.",
            ["copy"] = "Copy {code}",
            ["copied"] = "Copied",
            ["segment"] = "1 billed message",
            ["segments"] = "{n} billed messages",
            ["tplId"] = "tpl_id {id}",
            ["ext"] = "ext {ext}",
            ["viaGet"] = "sent with GET (the key was in the URL)",
            ["faultDropAfterAccept"] = "accepted, then the connection was cut (dropAfterAccept)",
            ["faultDelay"] = "answered {ms} ms late (delayMs)",
            ["faultErrorCode"] = "fault: answered {code}",
            ["refused"] = "Refused {code}",
            ["messageCount"] = "{n} messages",
            ["messageCountOne"] = "1 message",
            ["templateCount"] = "{n} templates",
            ["infoEndpoint"] = "POST",
            ["infoKey"] = "key",
            ["avatarFallback"] = "SMS",
        };

        /// <summary>The inbox page's words in Chinese, by the same keys and with the same <c>{placeholders}</c> as <see cref="Page"/>.</summary>
        public static readonly IReadOnlyDictionary<string, string> PageZhHans = new Dictionary<string, string>
        {
            ["lang"] = "zh-Hans",
            ["title"] = "短信收件箱",
            ["subtitle"] = "juhesms-sandbox",
            ["filterPlaceholder"] = "按号码筛选",
            ["clear"] = "清空",
            ["clearConfirm"] = "删除收件箱中的所有短信？",
            ["live"] = "实时",
            ["offline"] = "正在重新连接…",
            ["emptyTitle"] = "还没有短信",
            ["emptyHint"] = "用 key {key} 发送到 {endpoint}：短信到达后会显示在这里。",
            ["emptyFiltered"] = "这个号码没有短信。",
            ["copy"] = "复制 {code}",
            ["copied"] = "已复制",
            ["segment"] = "计费 1 条",
            ["segments"] = "计费 {n} 条",
            ["tplId"] = "tpl_id {id}",
            ["ext"] = "ext {ext}",
            ["viaGet"] = "用 GET 发送（key 在 URL 里）",
            ["faultDropAfterAccept"] = "已接受，随后连接被切断（dropAfterAccept）",
            ["faultDelay"] = "晚 {ms} 毫秒才应答（delayMs）",
            ["faultErrorCode"] = "故障：应答 {code}",
            ["refused"] = "被拒绝 {code}",
            ["messageCount"] = "{n} 条短信",
            ["messageCountOne"] = "1 条短信",
            ["templateCount"] = "{n} 个模板",
            ["infoEndpoint"] = "POST",
            ["infoKey"] = "key",
            ["avatarFallback"] = "短信",
        };

        /// <summary>
        /// The page's words for a request's <c>Accept-Language</c>: Chinese when the browser's most preferred language
        /// (the highest <c>q</c>, the first among equals) is Chinese (<c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c>...), else English.
        /// </summary>
        public static IReadOnlyDictionary<string, string> PageFor(string? acceptLanguage)
            => PrefersChinese(acceptLanguage) ? PageZhHans : Page;

        private static bool PrefersChinese(string? acceptLanguage)
        {
            if (string.IsNullOrWhiteSpace(acceptLanguage))
            {
                return false;
            }

            string best = string.Empty;
            double bestQuality = -1;
            foreach (string part in acceptLanguage!.Split(','))
            {
                string[] pieces = part.Split(';');
                string tag = pieces[0].Trim();
                double quality = 1;
                for (int i = 1; i < pieces.Length; i++)
                {
                    string parameter = pieces[i].Trim();
                    if (parameter.StartsWith("q=", System.StringComparison.OrdinalIgnoreCase)
                        && !double.TryParse(parameter.Substring(2), NumberStyles.Float, CultureInfo.InvariantCulture, out quality))
                    {
                        quality = 0;
                    }
                }

                if (tag.Length > 0 && quality > bestQuality)
                {
                    best = tag;
                    bestQuality = quality;
                }
            }

            return bestQuality > 0 && (best.Equals("zh", System.StringComparison.OrdinalIgnoreCase) || best.StartsWith("zh-", System.StringComparison.OrdinalIgnoreCase));
        }

        public static string BadMaxMessages(int value) => Format(nameof(BadMaxMessages), value.ToString(CultureInfo.InvariantCulture));

        public static string NoMessage(string? mobile) => mobile is null ? Get(nameof(NoMessage)) : Format("NoMessageFor", mobile);

        public static string BadTplIdFilter(string value) => Format(nameof(BadTplIdFilter), value);

        public static string FaultNotJson(string reason) => Format(nameof(FaultNotJson), reason);

        public static string FaultBadCount(int max) => Format(nameof(FaultBadCount), max.ToString(CultureInfo.InvariantCulture));

        public static string FaultBadDelay(int max) => Format(nameof(FaultBadDelay), max.ToString(CultureInfo.InvariantCulture));

        public static string FaultUnknownMember(string name) => Format(nameof(FaultUnknownMember), name);

        private static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;

        private static string Format(string name, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(name), args);
    }
}
