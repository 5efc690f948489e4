using System.Collections.Generic;
using System.Globalization;
using System.Resources;

namespace JuheSms.Sandbox
{
    /// <summary>
    /// The server's words: exception messages and the API's errors from <c>Resources/ServerTexts.resx</c> (English) and
    /// its translations (<c>ServerTexts.zh-Hans.resx</c>), chosen by <see cref="CultureInfo.CurrentUICulture"/>; each
    /// accessor is named for its resource and its arguments fill <c>{0}</c>, <c>{1}</c>... in order. The inbox page's
    /// labels (<see cref="Page"/>, served as <c>/inbox-text.js</c>) are English. The provider's own reasons (Chinese, as
    /// the provider answers) are not here: they belong to the provider model.
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
