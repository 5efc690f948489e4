using System;
using System.Threading.Tasks;
using CsCheck;

namespace JuheSms.Robustness.Tests.Infrastructure
{
    /// <summary>
    /// Draws CsCheck samples deterministically: sample <c>i</c> of a run comes from <c>new PCG(i, seed)</c>, so a run is
    /// the same on every machine and thread count, and a failure names the one sample to replay.
    /// (Check.Sample with a seed fixes only its first iteration; these tests must be reproducible as a whole.)
    /// </summary>
    internal static class Seeded
    {
        /// <summary>Sample <paramref name="index"/> of <paramref name="gen"/> for <paramref name="seed"/>.</summary>
        public static T Sample<T>(Gen<T> gen, ulong seed, int index) => gen.Generate(new PCG((uint)index, seed), null, out _);

        /// <summary>Runs <paramref name="check"/> on <paramref name="count"/> samples (in parallel); rethrows the first failure with its index.</summary>
        public static void ForEach<T>(Gen<T> gen, ulong seed, int count, Action<int, T> check)
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                T value = Sample(gen, seed, i);
                try
                {
                    check(i, value);
                }
                catch (Exception ex)
                {
                    throw new SampleFailedException($"Sample {i} of seed {seed} failed: {ex.Message}", ex);
                }
            });
        }
    }

    /// <summary>A failure of one seeded sample.</summary>
    internal sealed class SampleFailedException : Exception
    {
        public SampleFailedException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
