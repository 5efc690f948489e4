using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace JuheSms.Generators.Tests.Infrastructure
{
    /// <summary>An AdditionalText over a string, as MSBuild would hand a templates file to the compiler.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Analyzer-config options: global ones (build_property.*) and per-file ones (build_metadata.*).</summary>
    internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, TestOptions> _perFile;

        public TestOptionsProvider(IDictionary<string, string> global, IDictionary<string, IDictionary<string, string>>? perFile = null)
        {
            GlobalOptions = new TestOptions(global);
            _perFile = new Dictionary<string, TestOptions>();
            if (perFile is not null)
            {
                foreach (KeyValuePair<string, IDictionary<string, string>> pair in perFile)
                {
                    _perFile[pair.Key] = new TestOptions(pair.Value);
                }
            }
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => _perFile.TryGetValue(textFile.Path, out TestOptions? options) ? options : TestOptions.Empty;

        private sealed class TestOptions : AnalyzerConfigOptions
        {
            public static readonly TestOptions Empty = new TestOptions(new Dictionary<string, string>());

            private readonly ImmutableDictionary<string, string> _values;

            public TestOptions(IDictionary<string, string> values)
            {
                _values = values.ToImmutableDictionary(KeyComparer);
            }

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _values.TryGetValue(key, out string? v);
                value = v ?? string.Empty;
                return found;
            }
        }
    }
}
