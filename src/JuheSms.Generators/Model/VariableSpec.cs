namespace JuheSms.Generators.Model
{
    /// <summary>One template variable, in the order its placeholder first appears in the text.</summary>
    /// <param name="Name">The variable's name as in the text, without the <c>#</c>s (the key sent to the provider).</param>
    /// <param name="ParameterName">The C# parameter identifier, <c>@</c>-escaped when it is a keyword (e.g. <c>@class</c>).</param>
    /// <param name="Type">The parameter's type.</param>
    /// <param name="Pattern">A .NET regular expression the value (its invariant string form) must match, or null.</param>
    /// <param name="MaxLength">The most characters the value's string form may have, or null.</param>
    /// <param name="Description">Free text for the parameter's XML doc, or null.</param>
    internal sealed record VariableSpec(
        string Name,
        string ParameterName,
        VariableType Type,
        string? Pattern,
        int? MaxLength,
        string? Description)
    {
        /// <summary>The parameter's name as <c>nameof</c> and <c>ArgumentException.ParamName</c> give it (no <c>@</c>).</summary>
        public string ParameterNameText => ParameterName.StartsWith("@", System.StringComparison.Ordinal) ? ParameterName.Substring(1) : ParameterName;
    }
}
