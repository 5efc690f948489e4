// One source of truth for the provider's rules (../shared/seed/juhe-sms-api.*.md).
// This file is compiled into the runtime (src/JuheSms) and into the generator/analyzer
// assembly (src/JuheSms.Generators) as a linked source file: never copy these rules by hand.
#nullable enable

namespace JuheSms.Internal
{
    internal static class SmsRules
    {
        /// <summary>Content (signature included) up to this many characters bills as one message (page, rule 4).</summary>
        public const int SingleMessageLength = 70;

        /// <summary>A longer message is billed per this many characters (page, rule 4).</summary>
        public const int LongMessageSegmentLength = 67;

        /// <summary>Marketing content must end with this text (page, rule 3).</summary>
        public const string MarketingSuffix = "拒收请回复R";

        /// <summary>Marketing may be sent from 08:30 (inclusive) ...</summary>
        public const int MarketingStartMinuteOfDay = 8 * 60 + 30;

        /// <summary>... to 21:30 China Standard Time (page, rule 3).</summary>
        public const int MarketingEndMinuteOfDay = 21 * 60 + 30;

        /// <summary>China Standard Time is UTC+8 all year (no daylight saving).</summary>
        public const int ChinaUtcOffsetHours = 8;

        /// <summary>The most digits an <c>ext</c> may have (page: "9位以内的数字").</summary>
        public const int MaxExtDigits = 9;

        /// <summary>The signature brackets; a variable value must not open or close a signature.</summary>
        public const char SignatureOpen = '【';
        public const char SignatureClose = '】';

        /// <summary>The placeholder delimiter: a value holding it could form another placeholder.</summary>
        public const char PlaceholderDelimiter = '#';

        /// <summary>
        /// Billed messages for a rendered message of <paramref name="length"/> UTF-16 units, signature included:
        /// up to 70 is one message, longer is billed per 67 (page, rule 4). UTF-16 units over-count an emoji
        /// (two units), which errs on the side of the higher bill.
        /// </summary>
        public static int CountSegments(int length)
        {
            if (length <= SingleMessageLength)
            {
                return 1;
            }

            return (length + LongMessageSegmentLength - 1) / LongMessageSegmentLength;
        }

        /// <summary>
        /// True for a character a variable value must never hold: the placeholder delimiter <c>#</c>,
        /// the signature brackets <c>【</c> <c>】</c>, and control characters (CR/LF included).
        /// <c>&amp;</c> and <c>=</c> are safe: the client encodes them.
        /// </summary>
        public static bool IsUnsafeValueChar(char c)
            => c == PlaceholderDelimiter || c == SignatureOpen || c == SignatureClose || char.IsControl(c);

        /// <summary>The index of the first unsafe character of <paramref name="value"/>, or -1.</summary>
        public static int IndexOfUnsafeValueChar(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (IsUnsafeValueChar(value[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// True for a character a variable NAME must never hold: <c>#</c> (the placeholder delimiter), <c>&amp;</c> and
        /// <c>=</c> (the <c>#name#=value&amp;...</c> delimiters of <c>tpl_value</c>), white space and control characters.
        /// </summary>
        public static bool IsInvalidVariableNameChar(char c)
            => c == PlaceholderDelimiter || c == '&' || c == '=' || char.IsWhiteSpace(c) || char.IsControl(c);

        /// <summary>
        /// The index of the first character of <paramref name="name"/> that a variable name must not hold
        /// (see <see cref="IsInvalidVariableNameChar"/>, and lone surrogates, which have no UTF-8 form), or -1.
        /// An empty name is checked by the caller.
        /// </summary>
        public static int IndexOfInvalidVariableNameChar(string name)
        {
            for (int i = 0; i < name.Length; i++)
            {
                if (IsInvalidVariableNameChar(name[i]))
                {
                    return i;
                }
            }

            return IndexOfLoneSurrogate(name);
        }

        /// <summary>
        /// True when a variable breaks none of the rules above, in one pass over each string: a non-empty name without an
        /// invalid character, a value without an unsafe one, and neither with a surrogate at all. The quick answer for the
        /// usual variable; false only means that the exact checks (which allow a well-formed surrogate pair) must look.
        /// </summary>
        public static bool IsPlainVariable(string? name, string? value)
        {
            if (name is null || name.Length == 0 || value is null)
            {
                return false;
            }

            foreach (char c in name)
            {
                if (char.IsSurrogate(c) || IsInvalidVariableNameChar(c))
                {
                    return false;
                }
            }

            foreach (char c in value)
            {
                if (char.IsSurrogate(c) || IsUnsafeValueChar(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The index of the first lone (unpaired) surrogate of <paramref name="text"/>, or -1: such text has no UTF-8 form.</summary>
        public static int IndexOfLoneSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A short human name for an unsafe character, for messages: <c>'#'</c>, <c>'【'</c>, <c>U+000A (line feed)</c>.</summary>
        public static string DescribeChar(char c)
        {
            switch (c)
            {
                case '\r': return "U+000D (carriage return)";
                case '\n': return "U+000A (line feed)";
                case '\t': return "U+0009 (tab)";
            }

            if (char.IsControl(c))
            {
                return "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " (control character)";
            }

            return "'" + c + "'";
        }

        /// <summary>
        /// Normalises a mobile number and checks that it is a mainland China mobile number (page: "只限国内手机号"):
        /// spaces and dashes are removed, an optional <c>+86</c>, <c>0086</c> or <c>86</c> prefix is dropped,
        /// and what is left must be 11 digits starting <c>1[3-9]</c>.
        /// </summary>
        public static bool TryNormalizeMobile(string? input, out string normalized)
        {
            normalized = string.Empty;
            if (input is null)
            {
                return false;
            }

            // The common case, a number already in its normal form, costs no allocation.
            if (IsMainlandMobileDigits(input))
            {
                normalized = input;
                return true;
            }

            var digits = new System.Text.StringBuilder(input.Length);
            for (int i = 0; i < input.Length; i++)
            {
                char c = input[i];
                if (c == ' ' || c == '-')
                {
                    continue;
                }

                if (c == '+' && digits.Length == 0 && i + 1 < input.Length)
                {
                    // Only "+86" is accepted; the country code is checked below.
                    digits.Append('+');
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return false;
                }

                digits.Append(c);
            }

            string s = digits.ToString();
            if (s.StartsWith("+86", System.StringComparison.Ordinal))
            {
                s = s.Substring(3);
            }
            else if (s.StartsWith("+", System.StringComparison.Ordinal))
            {
                return false;
            }
            else if (s.Length == 15 && s.StartsWith("0086", System.StringComparison.Ordinal))
            {
                s = s.Substring(4);
            }
            else if (s.Length == 13 && s.StartsWith("86", System.StringComparison.Ordinal))
            {
                s = s.Substring(2);
            }

            if (!IsMainlandMobileDigits(s))
            {
                return false;
            }

            normalized = s;
            return true;
        }

        private static bool IsMainlandMobileDigits(string s)
        {
            if (s.Length != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9')
            {
                return false;
            }

            for (int i = 2; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A marketing batch needs at least this many China Mobile numbers (page, rule 4: "营销类短信...移动需要20个以上循环发送";
        /// China Unicom and China Telecom set no minimum).
        /// </summary>
        public const int ChinaMobileMarketingBatchMinimum = 20;

        // The carrier of each mobile number block, from the prefix (rule 4 counts the China Mobile numbers of a marketing
        // batch). Source: the number blocks the Ministry of Industry and Information Technology (工业和信息化部) allocated to
        // each carrier (电信网码号资源), as listed in the Chinese Wikipedia article "中国内地移动终端通讯号段"; MVNO blocks
        // (170x, 162, 165, 167, 171) count for the carrier whose network carries them. Number portability (携号转网, since
        // 2019) lets a subscriber keep the number when changing carrier, so this is the carrier that issued the number.
        private static readonly string[] ChinaMobileBlocks =
        {
            "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159",
            "165", "172", "178", "182", "183", "184", "187", "188", "195", "197", "198", "1703", "1705", "1706",
        };

        private static readonly string[] ChinaUnicomBlocks =
        {
            "130", "131", "132", "145", "155", "156", "166", "167", "171", "175", "176", "185", "186", "196",
            "1704", "1707", "1708", "1709",
        };

        private static readonly string[] ChinaTelecomBlocks =
        {
            "133", "149", "153", "162", "173", "177", "180", "181", "189", "190", "191", "193", "199",
            "1349", "1700", "1701", "1702", "1740",
        };

        private static readonly string[] ChinaBroadnetBlocks = { "192" };

        // Index: the 2nd and 3rd digits ("138" -> 38). The 4-digit blocks are looked up first.
        private static readonly MobileCarrier[] CarrierByThreeDigits = BuildThreeDigitTable();

        /// <summary>
        /// The carrier that issued a normalised 11-digit mobile number, from its prefix (see the table above), or
        /// <see cref="MobileCarrier.Unknown"/> for a block in no list or a string that is not a normalised number.
        /// </summary>
        public static MobileCarrier CarrierOf(string? normalizedMobile)
        {
            if (normalizedMobile is null || normalizedMobile.Length != 11 || normalizedMobile[0] != '1')
            {
                return MobileCarrier.Unknown;
            }

            for (int i = 1; i < 4; i++)
            {
                if (normalizedMobile[i] < '0' || normalizedMobile[i] > '9')
                {
                    return MobileCarrier.Unknown;
                }
            }

            MobileCarrier byFour = CarrierOfFourDigits(normalizedMobile);
            return byFour != MobileCarrier.Unknown
                ? byFour
                : CarrierByThreeDigits[((normalizedMobile[1] - '0') * 10) + (normalizedMobile[2] - '0')];
        }

        private static MobileCarrier CarrierOfFourDigits(string mobile)
        {
            if (Contains4(ChinaTelecomBlocks, mobile))
            {
                return MobileCarrier.ChinaTelecom;
            }

            if (Contains4(ChinaMobileBlocks, mobile))
            {
                return MobileCarrier.ChinaMobile;
            }

            return Contains4(ChinaUnicomBlocks, mobile) ? MobileCarrier.ChinaUnicom : MobileCarrier.Unknown;
        }

        private static bool Contains4(string[] blocks, string mobile)
        {
            foreach (string block in blocks)
            {
                if (block.Length == 4 && string.CompareOrdinal(block, 0, mobile, 0, 4) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static MobileCarrier[] BuildThreeDigitTable()
        {
            var table = new MobileCarrier[100];
            Fill(table, ChinaMobileBlocks, MobileCarrier.ChinaMobile);
            Fill(table, ChinaUnicomBlocks, MobileCarrier.ChinaUnicom);
            Fill(table, ChinaTelecomBlocks, MobileCarrier.ChinaTelecom);
            Fill(table, ChinaBroadnetBlocks, MobileCarrier.ChinaBroadnet);
            return table;
        }

        private static void Fill(MobileCarrier[] table, string[] blocks, MobileCarrier carrier)
        {
            foreach (string block in blocks)
            {
                if (block.Length == 3)
                {
                    table[((block[1] - '0') * 10) + (block[2] - '0')] = carrier;
                }
            }
        }

        /// <summary><c>ext</c> is digits only, 1 to 9 of them (page: "扩展码，9位以内的数字").</summary>
        public static bool IsValidExt(string? ext)
        {
            if (ext is null || ext.Length == 0 || ext.Length > MaxExtDigits)
            {
                return false;
            }

            for (int i = 0; i < ext.Length; i++)
            {
                if (ext[i] < '0' || ext[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Masks a mobile number for logs and telemetry: <c>13800138000</c> → <c>138****8000</c>.</summary>
        public static string MaskMobile(string? mobile)
        {
            if (mobile is null || mobile.Length == 0)
            {
                return string.Empty;
            }

            if (mobile.Length < 7)
            {
                return new string('*', mobile.Length);
            }

            return mobile.Substring(0, 3) + "****" + mobile.Substring(mobile.Length - 4);
        }
    }

    /// <summary>The carrier that issued a mobile number (<see cref="SmsRules.CarrierOf"/>).</summary>
    internal enum MobileCarrier
    {
        Unknown = 0,
        ChinaMobile = 1,
        ChinaUnicom = 2,
        ChinaTelecom = 3,
        ChinaBroadnet = 4,
    }
}
