namespace JuheSms
{
    /// <summary>The provider's answer to an accepted send (<c>error_code</c> 0).</summary>
    /// <remarks>
    /// Not sealed only so that a replayed result can say so (<see cref="IsReplayed"/>) without a field in every result.
    /// </remarks>
    public class SmsSendResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="count">Messages sent (<c>result.count</c>).</param>
        /// <param name="fee">Billed messages (<c>result.fee</c>).</param>
        /// <param name="sid">The provider's message id (<c>result.sid</c>).</param>
        public SmsSendResult(int count, int fee, string sid)
        {
            Count = count;
            Fee = fee;
            Sid = sid ?? string.Empty;
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
        public virtual bool IsReplayed => false;

        /// <inheritdoc />
        public override string ToString() => $"sid={Sid}, count={Count}, fee={Fee}" + (IsReplayed ? " (replayed)" : string.Empty);

        /// <summary>The first result of a key, returned again.</summary>
        internal sealed class Replayed : SmsSendResult
        {
            public Replayed(SmsSendResult first)
                : base(first.Count, first.Fee, first.Sid)
            {
            }

            public override bool IsReplayed => true;
        }
    }
}
