namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The keys of <c>Diagnostic.Properties</c> that the call-site analyzer sets for the code fixes
    /// (src/JuheSms.Generators.CodeFixes): one list, shared by both assemblies.
    /// </summary>
    internal static class DiagnosticPropertyKeys
    {
        /// <summary>JSMS101/JSMS104: the template variable concerned (JSMS104: the one to add).</summary>
        public const string VariableName = "VariableName";

        /// <summary>JSMS104: how the dictionary's entries are written: <see cref="InitializerStyle"/> as text.</summary>
        public const string InitializerStyle = "InitializerStyle";

        /// <summary>JSMS106: the generated class's metadata name (<c>Contoso.Sms.SmsTemplates</c>).</summary>
        public const string TypedMethodClass = "TypedMethodClass";

        /// <summary>JSMS106: the typed send method (<c>SendVerificationCodeAsync</c>).</summary>
        public const string TypedMethodName = "TypedMethodName";

        /// <summary>JSMS106: the template's variable names in the typed method's parameter order, joined by <see cref="ListSeparator"/>.</summary>
        public const string VariableNames = "VariableNames";

        /// <summary>JSMS106: the variables' kinds (string, int, long) in the same order, joined by <see cref="ListSeparator"/>.</summary>
        public const string VariableKinds = "VariableKinds";

        /// <summary>Separates the items of a list property (a variable name cannot hold it: names are placeholders between <c>#</c>s on one line).</summary>
        public const char ListSeparator = '\n';
    }
}
