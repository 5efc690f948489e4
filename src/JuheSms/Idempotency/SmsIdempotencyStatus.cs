namespace JuheSms
{
    /// <summary>What <see cref="ISmsIdempotencyStore.TryBeginAsync"/> found for a key.</summary>
    public enum SmsIdempotencyStatus
    {
        /// <summary>No send held the key: it is now taken by this send (<see cref="SmsIdempotencyDecision.Lease"/>).</summary>
        Started = 0,

        /// <summary>A send with the key was accepted: <see cref="SmsIdempotencyDecision.Result"/> is its result.</summary>
        Completed = 1,

        /// <summary>A send with the key is in flight (its lease has not run out).</summary>
        InFlight = 2,

        /// <summary>A send with the key may have been accepted (a time-out after the request went out, or a sender that died mid-send).</summary>
        OutcomeUnknown = 3,
    }
}
