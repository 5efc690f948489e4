using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Model
{
    /// <summary>
    /// A diagnostic as plain values (descriptor id, place, message arguments): equatable, so that it can flow through
    /// incremental steps; the <see cref="Diagnostic"/> is made only when reported.
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, FileSpan Location, EquatableArray<string> Arguments)
    {
        public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.GetById(Id);

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, FileSpan location, params string[] arguments)
            => new DiagnosticInfo(descriptor.Id, location, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic()
        {
            var args = new object[Arguments.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = Arguments[i];
            }

            return Diagnostic.Create(Descriptor, Location.ToLocation(), args);
        }
    }
}
