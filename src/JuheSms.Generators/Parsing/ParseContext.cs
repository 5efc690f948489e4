using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using JuheSms.Generators.Model;
using Microsoft.CodeAnalysis;

namespace JuheSms.Generators.Parsing
{
    /// <summary>The state of one parse: the source map, the diagnostics found so far and the patterns already checked.</summary>
    internal sealed class ParseContext
    {
        private static readonly TimeSpan RegexCheckTimeout = TimeSpan.FromSeconds(1);

        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        // pattern -> why it is not a valid regex (null when it is one). Building a Regex is costly and files repeat patterns.
        private Dictionary<string, string?>? _patternErrors;

        public ParseContext(SourceMap map)
        {
            Map = map;
        }

        public SourceMap Map { get; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public void Report(DiagnosticDescriptor descriptor, FileSpan location, params MessageArgument[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        /// <summary>Adds diagnostics found with another context over the same file (in their order).</summary>
        public void Add(IReadOnlyList<DiagnosticInfo> diagnostics) => _diagnostics.AddRange(diagnostics);

        /// <summary>
        /// Why <paramref name="pattern"/> is not a valid .NET regular expression (the parser's message), or null when it is one.
        /// Checked once per distinct pattern in the file.
        /// </summary>
        public string? PatternError(string pattern)
        {
            _patternErrors ??= new Dictionary<string, string?>(StringComparer.Ordinal);
            if (!_patternErrors.TryGetValue(pattern, out string? error))
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, RegexCheckTimeout);
                    error = null;
                }
                catch (ArgumentException ex)
                {
                    error = ex.Message;
                }

                _patternErrors.Add(pattern, error);
            }

            return error;
        }

        public FileSpan SpanOf(JsonNode node) => Map.Span(node.Start, node.ReportEnd);

        public FileSpan NameSpanOf(JsonMember member) => Map.Span(member.NameStart, member.NameEnd);

        /// <summary>The place of the value characters [<paramref name="start"/>, <paramref name="end"/>) of a string node.</summary>
        public FileSpan SpanInString(JsonNode stringNode, int start, int end)
        {
            int[] map = JsonStringMap.Map(Map.Text, stringNode.Start, (stringNode.StringValue ?? string.Empty).Length);
            return Map.Span(map[start], map[end]);
        }
    }
}
