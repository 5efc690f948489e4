namespace JuheSms
{
    /// <summary>Progress of a batch, reported after each number completes.</summary>
    public sealed class SmsBatchProgress
    {
        internal SmsBatchProgress(int total, int completed, int succeeded, SmsBatchItemResult last)
        {
            Total = total;
            Completed = completed;
            Succeeded = succeeded;
            Last = last;
        }

        /// <summary>How many numbers the batch has.</summary>
        public int Total { get; }

        /// <summary>How many numbers are done (sent or failed).</summary>
        public int Completed { get; }

        /// <summary>How many of those were accepted.</summary>
        public int Succeeded { get; }

        /// <summary>How many of those failed.</summary>
        public int Failed => Completed - Succeeded;

        /// <summary>The number that just completed.</summary>
        public SmsBatchItemResult Last { get; }
    }
}
