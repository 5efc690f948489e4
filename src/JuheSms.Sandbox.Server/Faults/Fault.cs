using JuheSms.Sandbox.Inbox;

namespace JuheSms.Sandbox.Faults
{
    /// <summary>What a fault does to a send.</summary>
    internal enum FaultKind
    {
        /// <summary>Answer an error code, whatever the request holds (nothing is sent).</summary>
        ErrorCode,

        /// <summary>Accept (record, bill) the message, then cut the connection before answering.</summary>
        DropAfterAccept,

        /// <summary>Handle the send as usual, but answer late.</summary>
        Delay,
    }

    /// <summary>A fault asked for with <c>POST /api/faults</c>, for the next <see cref="Remaining"/> sends.</summary>
    internal sealed class Fault
    {
        public Fault(FaultKind kind, int errorCode, int delayMs, int count)
        {
            Kind = kind;
            ErrorCode = errorCode;
            DelayMs = delayMs;
            Remaining = count;
        }

        public FaultKind Kind { get; }

        public int ErrorCode { get; }

        public int DelayMs { get; }

        public int Remaining { get; set; }

        /// <summary>The name the API and the page use: <c>errorCode</c>, <c>dropAfterAccept</c>, <c>delay</c>.</summary>
        public string KindName => Kind switch
        {
            FaultKind.ErrorCode => "errorCode",
            FaultKind.DropAfterAccept => "dropAfterAccept",
            _ => "delay",
        };

        /// <summary>How the fault shows on the message it hit.</summary>
        public InboxFault ToInboxFault() => new InboxFault(
            KindName,
            Kind == FaultKind.ErrorCode ? ErrorCode : null,
            Kind == FaultKind.Delay ? DelayMs : null);
    }
}
