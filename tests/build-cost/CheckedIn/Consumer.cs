namespace BuildCost
{
    /// <summary>The file run.sh touches before each timed build, so the compiler runs every time.</summary>
    public static class Consumer
    {
        /// <summary>Something to compile.</summary>
        public static int Answer() => 42;
    }
}
