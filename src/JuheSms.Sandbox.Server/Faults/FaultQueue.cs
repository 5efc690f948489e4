using System.Collections.Generic;

namespace JuheSms.Sandbox.Faults
{
    /// <summary>
    /// The faults waiting for sends, first asked first used: each hits the next sends until its count is used up.
    /// Not thread-safe: the server calls it under its lock, with the provider's decision.
    /// </summary>
    internal sealed class FaultQueue
    {
        private readonly LinkedList<Fault> _faults = new LinkedList<Fault>();

        /// <summary>The fault the next send meets, or null.</summary>
        public Fault? Next => _faults.First?.Value;

        public void Add(Fault fault) => _faults.AddLast(fault);

        /// <summary>Uses up one send of <paramref name="fault"/> (the head).</summary>
        public void Consume(Fault fault)
        {
            fault.Remaining--;
            if (fault.Remaining <= 0)
            {
                _faults.Remove(fault);
            }
        }

        public List<Fault> Snapshot() => new List<Fault>(_faults);

        public void Clear() => _faults.Clear();
    }
}
