using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using JuheSms.Sandbox.Hosting;
using JuheSms.Sandbox.Inbox;
using Microsoft.AspNetCore.Http;

namespace JuheSms.Sandbox.Endpoints
{
    /// <summary>
    /// <c>GET /api/messages</c> (newest first; <c>?mobile=</c>, <c>?tplId=</c>), <c>GET /api/messages/latest</c>
    /// (404 when none), <c>DELETE /api/messages</c>, <c>GET /api/refusals</c> and <c>GET /api/templates</c>.
    /// </summary>
    internal static class MessagesEndpoints
    {
        public static Task ListAsync(HttpContext context, SandboxState state)
        {
            if (!TryReadFilter(context, out MessageFilter? filter, out string? error))
            {
                return SandboxJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!);
            }

            var found = new List<InboxMessage>();
            foreach (InboxMessage message in state.Store.Messages)
            {
                if (filter!.Matches(message))
                {
                    found.Add(message);
                }
            }

            return SandboxJson.WriteAsync(context, found);
        }

        public static Task LatestAsync(HttpContext context, SandboxState state)
        {
            if (!TryReadFilter(context, out MessageFilter? filter, out string? error))
            {
                return SandboxJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!);
            }

            foreach (InboxMessage message in state.Store.Messages)
            {
                if (filter!.Matches(message))
                {
                    return SandboxJson.WriteAsync(context, message);
                }
            }

            return SandboxJson.WriteErrorAsync(context, StatusCodes.Status404NotFound, ServerTexts.NoMessage(filter!.Mobile));
        }

        public static Task ClearAsync(HttpContext context, SandboxState state)
        {
            state.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        public static Task RefusalsAsync(HttpContext context, SandboxState state)
            => SandboxJson.WriteAsync(context, state.Store.Refusals);

        /// <summary>What the page shows in its header: the endpoint's path, the key, the memory bound and the templates.</summary>
        public static Task InfoAsync(HttpContext context, SandboxState state)
            => SandboxJson.WriteAsync(context, new ServerInfo(SendEndpoint.Path, state.Key, state.Store.Capacity, state.Templates));

        private static bool TryReadFilter(HttpContext context, out MessageFilter? filter, out string? error)
        {
            filter = null;
            error = null;
            IQueryCollection query = context.Request.Query;
            string? mobile = null;
            if (query.TryGetValue("mobile", out var mobileValues) && !string.IsNullOrWhiteSpace(mobileValues.ToString()))
            {
                mobile = MessageFilter.NormalizeMobile(mobileValues.ToString());
            }

            int? tplId = null;
            if (query.TryGetValue("tplId", out var tplIdValues) && !string.IsNullOrWhiteSpace(tplIdValues.ToString()))
            {
                if (!int.TryParse(tplIdValues.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
                {
                    error = ServerTexts.BadTplIdFilter(tplIdValues.ToString());
                    return false;
                }

                tplId = parsed;
            }

            filter = new MessageFilter(mobile, tplId);
            return true;
        }

        private sealed record ServerInfo(string SendPath, string Key, int MaxMessages, List<RegisteredTemplate> Templates);

        private sealed record MessageFilter(string? Mobile, int? TplId)
        {
            public bool Matches(InboxMessage message)
                => (Mobile is null || message.Mobile == Mobile) && (TplId is null || message.TplId == TplId);

            /// <summary>Digits only, and the last 11 of a longer number, so <c>+86 138-0013-8000</c> finds <c>13800138000</c>.</summary>
            public static string NormalizeMobile(string raw)
            {
                var digits = new System.Text.StringBuilder(raw.Length);
                foreach (char c in raw)
                {
                    if (c >= '0' && c <= '9')
                    {
                        digits.Append(c);
                    }
                }

                string text = digits.ToString();
                return text.Length > 11 ? text.Substring(text.Length - 11) : text;
            }
        }
    }
}
