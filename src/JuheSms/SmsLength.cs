using System;
using JuheSms.Internal;

namespace JuheSms
{
    /// <summary>
    /// Counts billed messages the way the provider bills them: content including the signature of at most
    /// 70 characters is one message; longer content is a long SMS billed per 67 characters.
    /// Characters are counted as UTF-16 units, which counts an emoji as two (conservative).
    /// </summary>
    public static class SmsLength
    {
        /// <summary>The most characters (signature included) billed as one message: 70.</summary>
        public const int SingleMessageLength = SmsRules.SingleMessageLength;

        /// <summary>The characters per billed part of a long message: 67.</summary>
        public const int LongMessageSegmentLength = SmsRules.LongMessageSegmentLength;

        /// <summary>The billed messages for <paramref name="renderedMessage"/> (signature included).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="renderedMessage"/> is null.</exception>
        public static int CountSegments(string renderedMessage)
        {
            if (renderedMessage is null)
            {
                throw new ArgumentNullException(nameof(renderedMessage));
            }

            return SmsRules.CountSegments(renderedMessage.Length);
        }

        /// <summary>The billed messages for a message of <paramref name="length"/> characters (signature included).</summary>
        public static int CountSegments(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, Strings.LengthNegative);
            }

            return SmsRules.CountSegments(length);
        }
    }
}
