using System;
using System.Collections.Generic;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// The templates of one file as they are checked: the valid ones, what they already use (names, ids, C# members), the
    /// file settings they were checked with, and their diagnostics (<see cref="Context"/>, added to the file's after its
    /// settings' ones).
    /// </summary>
    internal sealed class TemplateSet
    {
        public TemplateSet(ParseContext context)
        {
            Context = context;
        }

        public ParseContext Context { get; }

        public bool Started { get; private set; }

        public string Signature { get; private set; } = string.Empty;

        public string ClassName { get; private set; } = TemplatesFileOptions.DefaultClassName;

        public List<TemplateSpec> Templates { get; } = new List<TemplateSpec>();

        public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);

        public HashSet<int> Ids { get; } = new HashSet<int>();

        public HashSet<string> Members { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Sets the file settings every template is checked with (once, before the first template).</summary>
        public void Start(string signature, string className)
        {
            Signature = signature;
            ClassName = className;
            Started = true;
        }
    }
}
