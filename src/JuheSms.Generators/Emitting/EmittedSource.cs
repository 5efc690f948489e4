namespace JuheSms.Generators.Emitting
{
    /// <summary>One generated source: its hint name (unique in the compilation, ignoring case) and its text.</summary>
    internal sealed record EmittedSource(string HintName, string Text);
}
