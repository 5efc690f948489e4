using System;
using System.Collections.Generic;
using System.Threading;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// The templates of one file as the reader hands them over: each is checked on its own (<see cref="TemplateChecks"/>)
    /// and then against all the ones before it (JSMS003 for a repeated name or tplId, JSMS004 for a repeated C# member).
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

        /// <summary>
        /// Checks one entry of <c>templates</c> and keeps its template unless no method can be made for it. A repeated name,
        /// tplId or C# member is reported against every template that carries it, whatever else is wrong with either, each
        /// at its own token: the user meets every independent mistake in one build. The first template keeps the name (and
        /// its method); one that repeats a tplId keeps its method, which throws (see <see cref="TemplateSpec.HasErrors"/>).
        /// </summary>
        public void Add(JsonNode item)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (item.Kind != JsonNodeKind.Object)
            {
                Context.Report(DiagnosticDescriptors.InvalidFileTemplateNotObject, Context.SpanOf(item), item.KindName);
                return;
            }

            CheckedTemplate checkedTemplate = TemplateChecks.Check(Context, item, _settings, _cancellationToken);
            TemplateSpec? template = checkedTemplate.Template;
            bool repeated = false;
            if (checkedTemplate.Name is string name && !_names.Add(name))
            {
                Context.Report(DiagnosticDescriptors.DuplicateTemplate, checkedTemplate.NameSpan, name);
                template = null;
                repeated = true;
            }

            if (checkedTemplate.TplId is int tplId && !_ids.Add(tplId))
            {
                Context.Report(DiagnosticDescriptors.DuplicateTplId, checkedTemplate.TplIdSpan, CSharpNames.Invariant(tplId));
                template = template is null ? null : template with { HasErrors = true };
            }

            if (checkedTemplate.NameMakesMembers && !repeated)
            {
                // Another spelling of a name already seen ("a" and "A") makes the same class and method.
                string typeName = GeneratedNames.TypeName(checkedTemplate.Name!);
                string methodName = GeneratedNames.MethodName(typeName);
                if (_members.Contains(typeName) || _members.Contains(methodName))
                {
                    Context.Report(DiagnosticDescriptors.TemplateNameSameMember, checkedTemplate.NameSpan, checkedTemplate.Name!, typeName, methodName);
                    template = null;
                }
                else
                {
                    _members.Add(typeName);
                    _members.Add(methodName);
                }
            }

            if (template is not null)
            {
                Templates.Add(template);
            }
        }
    }
}
