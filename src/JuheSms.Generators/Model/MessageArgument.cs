using JuheSms.Generators.Diagnostics;

namespace JuheSms.Generators.Model
{
    /// <summary>
    /// One argument of a diagnostic message: a value from the file or the code (a name, a number), or a word of ours
    /// (<c>an object</c>, <c>(unnamed)</c>) that is a resource of <see cref="DiagnosticMessages"/>, so that it is
    /// translated with the message around it.
    /// </summary>
    internal readonly record struct MessageArgument(string Value, bool IsFragment)
    {
        public static implicit operator MessageArgument(string value) => new MessageArgument(value, false);

        /// <summary>The resource <c>Fragment_{name}</c> of <see cref="DiagnosticMessages"/>.</summary>
        public static MessageArgument Fragment(string name) => new MessageArgument("Fragment_" + name, true);

        /// <summary>What <c>Diagnostic.Create</c> formats: the value, or the fragment resolved in the reader's culture.</summary>
        public object ToFormatArgument() => IsFragment ? DiagnosticMessages.Get(Value) : Value;
    }
}
