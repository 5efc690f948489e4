using JuheSms.Generators.Model;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// Reports the findings of one check (the file's settings, one template, one variable rule) and remembers whether
    /// any was an error: what decides that the thing checked is usable. An error in a nested scope (a variable rule)
    /// counts in its parent (the template) too.
    /// </summary>
    internal sealed class CheckScope
    {
        private readonly CheckScope? _parent;

        public CheckScope(ParseContext context)
        {
            Context = context;
        }

        private CheckScope(ParseContext context, CheckScope parent)
        {
            Context = context;
            _parent = parent;
        }

        public ParseContext Context { get; }

        /// <summary>True once an error was reported in this scope or a nested one.</summary>
        public bool HasErrors { get; private set; }

        /// <summary>A scope whose errors also count here.</summary>
        public CheckScope Nested() => new CheckScope(Context, this);

        /// <summary>Reports <paramref name="descriptor"/>; an error makes this scope (and its parents) unusable.</summary>
        public void Report(DiagnosticDescriptor descriptor, FileSpan location, params MessageArgument[] arguments)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                for (CheckScope? scope = this; scope is not null; scope = scope._parent)
                {
                    scope.HasErrors = true;
                }
            }

            Context.Report(descriptor, location, arguments);
        }
    }
}
