using System;
using System.Collections.Generic;
using System.Linq;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>Settings shared by the send guards.</summary>
    public class SmsSendGuardOptions
    {
        /// <summary>
        /// The limits every number must stay under; all of them apply. Defaults to <see cref="SmsSendLimit.CarrierDefaults"/>
        /// (the provider's page). Replace the list to be stricter; looser limits risk the number being blocked by the carriers.
        /// </summary>
        public IList<SmsSendLimit> Limits { get; set; } = new List<SmsSendLimit>(SmsSendLimit.CarrierDefaults);

        /// <summary>Checks <see cref="Limits"/> and returns a copy of them, longest window last.</summary>
        /// <returns>The limits, ordered by window.</returns>
        /// <exception cref="ArgumentException"><see cref="Limits"/> is null, empty or holds null.</exception>
        public IReadOnlyList<SmsSendLimit> GetCheckedLimits()
        {
            if (Limits is null || Limits.Count == 0)
            {
                throw new ArgumentException(Strings.GuardNoLimit, nameof(Limits));
            }

            if (Limits.Any(l => l is null))
            {
                throw new ArgumentException(Strings.GuardNullLimit, nameof(Limits));
            }

            return Limits.OrderBy(l => l.Window).ThenBy(l => l.MaxSends).ToArray();
        }
    }
}
