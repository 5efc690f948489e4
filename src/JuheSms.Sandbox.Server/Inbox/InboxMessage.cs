using System;
using System.Collections.Generic;

namespace JuheSms.Sandbox.Inbox
{
    /// <summary>A message the sandbox server accepted, as <c>GET /api/messages</c> returns it (camelCase JSON).</summary>
    /// <param name="Sid">The message id answered (<c>sid</c>).</param>
    /// <param name="Mobile">The receiving number, normalised to 11 digits.</param>
    /// <param name="TplId">The template id (<c>tpl_id</c>).</param>
    /// <param name="Template">The template's name in its templates file, or null when registered without one.</param>
    /// <param name="Text">The message as the phone shows it: signature and rendered text.</param>
    /// <param name="Segments">The billed messages (<c>fee</c>): 70 characters in one, longer per 67.</param>
    /// <param name="Variables">The decoded variables, names without <c>#</c>.</param>
    /// <param name="Ext">The extension code, or null.</param>
    /// <param name="ReceivedAt">When the server accepted it.</param>
    /// <param name="Method">The HTTP method of the send (<c>POST</c>, or <c>GET</c> which puts the key in the URL).</param>
    /// <param name="Fault">The fault that hit this send (<c>dropAfterAccept</c>, <c>delay</c>), or null.</param>
    public sealed record InboxMessage(
        string Sid,
        string Mobile,
        int TplId,
        string? Template,
        string Text,
        int Segments,
        IReadOnlyDictionary<string, string> Variables,
        string? Ext,
        DateTimeOffset ReceivedAt,
        string Method,
        InboxFault? Fault);

    /// <summary>A send the server refused (a provider error code), shown on the inbox page next to the messages.</summary>
    /// <param name="Mobile">The <c>mobile</c> field as sent (it may be what was wrong), or null.</param>
    /// <param name="TplId">The <c>tpl_id</c> field as sent, or null.</param>
    /// <param name="ErrorCode">The <c>error_code</c> answered.</param>
    /// <param name="Reason">The <c>reason</c> answered.</param>
    /// <param name="ReceivedAt">When the request came.</param>
    /// <param name="Fault">The fault that made the answer (<c>errorCode</c>, <c>delay</c>), or null for a refusal by the provider's rules.</param>
    public sealed record InboxRefusal(
        string? Mobile,
        string? TplId,
        int ErrorCode,
        string Reason,
        DateTimeOffset ReceivedAt,
        InboxFault? Fault);

    /// <summary>A fault that hit one send.</summary>
    /// <param name="Kind"><c>errorCode</c>, <c>dropAfterAccept</c> or <c>delay</c>.</param>
    /// <param name="ErrorCode">The code answered, for <c>errorCode</c>.</param>
    /// <param name="DelayMs">How late the answer came, for <c>delay</c>.</param>
    public sealed record InboxFault(string Kind, int? ErrorCode = null, int? DelayMs = null);
}
