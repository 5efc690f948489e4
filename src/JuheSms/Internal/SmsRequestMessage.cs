using System;
using System.Net.Http;

namespace JuheSms.Internal
{
    /// <summary>
    /// The request of one send attempt, carrying its <see cref="Http.SendAttempt"/> itself: a field instead of an entry in
    /// <see cref="HttpRequestMessage"/>'s options, whose dictionary (about 200 B) would be allocated for every send.
    /// </summary>
    internal sealed class SmsRequestMessage : HttpRequestMessage
    {
        public SmsRequestMessage(Uri endpoint, SmsFormContent content)
            : base(HttpMethod.Post, endpoint)
        {
            Content = content;
        }

        /// <summary>The attempt this request belongs to (<see cref="Http.SendAttempt.Mark"/>).</summary>
        public Http.SendAttempt? Attempt { get; set; }
    }
}
