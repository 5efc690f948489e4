namespace JuheSms.Generators.Model
{
    /// <summary>The C# type of a template variable's parameter (<c>type</c> in the file; <c>string</c> by default).</summary>
    internal enum VariableType
    {
        String = 0,
        Int = 1,
        Long = 2,
    }
}
