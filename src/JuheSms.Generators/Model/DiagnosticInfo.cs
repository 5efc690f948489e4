using JuheSms.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Model
{
    /// <summary>
    /// A diagnostic as plain values (its descriptor, place, message arguments): equatable, so that it can flow through
    /// incremental steps; the <see cref="Diagnostic"/> is made only when reported.
    /// </summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, FileSpan Location, EquatableArray<MessageArgument> Arguments)
    {
        public string Id => Descriptor.Id;

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, FileSpan location, params MessageArgument[] arguments)
            => new DiagnosticInfo(descriptor, location, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic()
        {
            var args = new object[Arguments.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = Arguments[i].ToFormatArgument();
            }

            return Diagnostic.Create(Descriptor, Location.ToLocation(), args);
        }
    }
}
