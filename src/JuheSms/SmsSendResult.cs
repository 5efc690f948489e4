namespace JuheSms
{
    /// <summary>The provider's answer to an accepted send (<c>error_code</c> 0).</summary>
    public sealed class SmsSendResult
    {
        /// <summary>Creates a result.</summary>
        public SmsSendResult(int count, int fee, string sid)
            : this(count, fee, sid, isReplayed: false)
        {
        }

        internal SmsSendResult(int count, int fee, string sid, bool isReplayed)
        {
            Count = count;
            Fee = fee;
            Sid = sid ?? string.Empty;
            IsReplayed = isReplayed;
        }

        /// <summary>Messages sent (<c>result.count</c>).</summary>
        public int Count { get; }

        /// <summary>Billed messages (<c>result.fee</c>).</summary>
        public int Fee { get; }

        /// <summary>The provider's message id (<c>result.sid</c>), as a string whatever JSON type it came in.</summary>
        public string Sid { get; }

        /// <summary>
        /// True when this is the first result of an earlier send with the same <see cref="SmsMessage.IdempotencyKey"/>,
        /// returned again by the idempotency store: no request was made for it this time.
        /// </summary>
        public bool IsReplayed { get; }

        /// <inheritdoc />
        public override string ToString() => $"sid={Sid}, count={Count}, fee={Fee}";
    }
}
