namespace JuheSms.Generators
{
    // Replaced by the generator (issue 3).
    internal static class Placeholder
    {
    }
}
