using System;
using System.Collections.Generic;
using System.Threading;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// The templates of one file as the reader hands them over: each is checked on its own (<see cref="TemplateChecks"/>)
    /// and then against the ones kept so far (JSMS003 for a repeated name or tplId, JSMS004 for a repeated C# member).
    /// Its diagnostics are collected apart (<see cref="Context"/>) because the file's own come first: the parser adds
    /// these after the file's settings have been checked, once the whole file is read.
    /// </summary>
    internal sealed class TemplateSet
    {
        private readonly FileSettings _settings;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<int> _ids = new HashSet<int>();
        private readonly HashSet<string> _members = new HashSet<string>(StringComparer.Ordinal);

        public TemplateSet(SourceMap map, FileSettings settings, CancellationToken cancellationToken)
        {
            Context = new ParseContext(map);
            _settings = settings;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The templates' diagnostics.</summary>
        public ParseContext Context { get; }

        /// <summary>The usable templates, in file order.</summary>
        public List<TemplateSpec> Templates { get; } = new List<TemplateSpec>();

        /// <summary>Checks one entry of <c>templates</c> and keeps it unless it is unusable or repeats another.</summary>
        public void Add(JsonNode item)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (item.Kind != JsonNodeKind.Object)
            {
                Context.Report(DiagnosticDescriptors.InvalidFileTemplateNotObject, Context.SpanOf(item), item.KindName);
                return;
            }

            if (TemplateChecks.Check(Context, item, _settings, _cancellationToken).Template is not TemplateSpec template)
            {
                return;
            }

            if (!_names.Add(template.Name))
            {
                Context.Report(DiagnosticDescriptors.DuplicateTemplate, template.NameSpan, template.Name);
                return;
            }

            if (!_ids.Add(template.TplId))
            {
                Context.Report(DiagnosticDescriptors.DuplicateTplId, template.TplIdSpan, CSharpNames.Invariant(template.TplId));
                return;
            }

            if (_members.Contains(template.TypeName) || _members.Contains(template.MethodName))
            {
                Context.Report(DiagnosticDescriptors.TemplateNameSameMember, template.NameSpan, template.Name, template.TypeName, template.MethodName);
                return;
            }

            _members.Add(template.TypeName);
            _members.Add(template.MethodName);
            Templates.Add(template);
        }
    }
}
