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

        /// <summary>JSMS106: the template's name in that class: the fix reads the template (its method, variables and their types) from the catalog.</summary>
        public const string TemplateName = "TemplateName";
    }
}
