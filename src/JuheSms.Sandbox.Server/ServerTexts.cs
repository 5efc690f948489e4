using System;
using System.Collections.Generic;
using System.Globalization;

namespace JuheSms.Sandbox
{
    /// <summary>
    /// Every word the server shows a person: exception messages, API errors and the inbox page's labels (served as
    /// <c>/inbox-text.js</c>). The provider's own reasons (Chinese, as the provider answers) are not here: they belong
    /// to the provider model.
    /// </summary>
    internal static class ServerTexts
    {
        public const string EmptyKey = "the key must not be empty.";

        public const string EmptyUrls = "the URL to listen on must not be empty.";

        public const string NullSignature = "the signature must not be null (an empty string means none).";

        public const string NotStarted = "The sandbox server has not been started; call StartAsync first.";

        public const string AlreadyStarted = "The sandbox server is started already.";

        public const string BadTplId = "A template id (tpl_id) is a positive integer.";

        public const string EmptyTemplateText = "A template needs text.";

        public const string MissingPageResource = "The tool was built without its page resource.";

        public const string FaultNotObject = "a fault is a JSON object such as {\"errorCode\": 205409, \"count\": 1}.";

        public const string FaultBadErrorCode = "\"errorCode\" must be a positive integer, one of the provider's codes such as 205409.";

        public const string FaultBadDrop = "\"dropAfterAccept\" must be true.";

        public const string FaultNeedsOneKind = "a fault needs exactly one of \"errorCode\", \"dropAfterAccept\" or \"delayMs\".";

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

        public static string NoMessage(string? mobile)
            => mobile is null ? "no message yet." : "no message for " + mobile + " yet.";

        public static string BadTplIdFilter(string value) => "tplId must be a whole number; got '" + value + "'.";

        public static string FaultNotJson(string reason) => "the fault is not valid JSON: " + reason;

        public static string FaultBadCount(int max)
            => "\"count\" must be a whole number from 1 to " + max.ToString(CultureInfo.InvariantCulture) + ".";

        public static string FaultBadDelay(int max)
            => "\"delayMs\" must be a whole number of milliseconds from 1 to " + max.ToString(CultureInfo.InvariantCulture) + ".";

        public static string FaultUnknownMember(string name)
            => "unknown member \"" + name + "\"; a fault has \"errorCode\", \"dropAfterAccept\" or \"delayMs\", and \"count\".";


        public static string BadMaxMessages(int value) => "MaxMessages must be at least 1; got " + value.ToString(CultureInfo.InvariantCulture) + ".";
    }
}
