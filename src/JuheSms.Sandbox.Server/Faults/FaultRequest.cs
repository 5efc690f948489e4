using System.Text.Json;

namespace JuheSms.Sandbox.Faults
{
    /// <summary>
    /// Reads the body of <c>POST /api/faults</c>: exactly one of <c>{"errorCode": N}</c>, <c>{"dropAfterAccept": true}</c>,
    /// <c>{"delayMs": N}</c>, with an optional <c>"count"</c> (1 by default).
    /// </summary>
    internal static class FaultRequest
    {
        /// <summary>The most sends one fault may cover, and the longest delay: enough for any test, small enough to stay sane.</summary>
        public const int MaxCount = 10_000;

        public const int MaxDelayMs = 600_000;

        /// <returns>The fault, or null with <paramref name="error"/> saying what is wrong.</returns>
        public static Fault? TryParse(string body, out string? error)
        {
            error = null;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                error = ServerTexts.FaultNotJson(ex.Message);
                return null;
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    error = ServerTexts.FaultNotObject;
                    return null;
                }

                int count = 1;
                if (root.TryGetProperty("count", out JsonElement countElement)
                    && (!countElement.TryGetInt32(out count) || count < 1 || count > MaxCount))
                {
                    error = ServerTexts.FaultBadCount(MaxCount);
                    return null;
                }

                Fault? fault = null;
                int kinds = 0;
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "count":
                            break;
                        case "errorCode":
                            kinds++;
                            if (!property.Value.TryGetInt32(out int code) || code <= 0)
                            {
                                error = ServerTexts.FaultBadErrorCode;
                                return null;
                            }

                            fault = new Fault(FaultKind.ErrorCode, code, 0, count);
                            break;
                        case "dropAfterAccept":
                            kinds++;
                            if (property.Value.ValueKind != JsonValueKind.True)
                            {
                                error = ServerTexts.FaultBadDrop;
                                return null;
                            }

                            fault = new Fault(FaultKind.DropAfterAccept, 0, 0, count);
                            break;
                        case "delayMs":
                            kinds++;
                            if (!property.Value.TryGetInt32(out int delay) || delay < 1 || delay > MaxDelayMs)
                            {
                                error = ServerTexts.FaultBadDelay(MaxDelayMs);
                                return null;
                            }

                            fault = new Fault(FaultKind.Delay, 0, delay, count);
                            break;
                        default:
                            error = ServerTexts.FaultUnknownMember(property.Name);
                            return null;
                    }
                }

                if (kinds != 1)
                {
                    error = ServerTexts.FaultNeedsOneKind;
                    return null;
                }

                return fault;
            }
        }
    }
}
