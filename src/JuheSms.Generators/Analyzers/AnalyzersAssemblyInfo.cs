using System.Runtime.CompilerServices;

// The analyzer tests reach the analyzer's internals (the template catalog, the value rules) and the generator's
// parser/emitter, so that the test sources use the real generated code: one source of truth.
[assembly: InternalsVisibleTo("JuheSms.Analyzers.Tests")]
