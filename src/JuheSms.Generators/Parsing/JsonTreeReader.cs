using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using JuheSms.Generators.Diagnostics;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// Reads a <see cref="JsonNode"/> tree with Utf8JsonReader. Comments (// and /* */) and trailing commas are
    /// allowed: JSON files in .NET projects (appsettings.json) commonly have them. Syntax errors are reported at the
    /// reader's position; a repeated key is reported at the second key (the first value wins).
    /// </summary>
    internal static class JsonTreeReader
    {
        /// <summary>The reader options (shared with <see cref="FileSettings"/>, which must read the file the same way).</summary>
        internal static readonly JsonReaderOptions Options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 64,
        };

        // The schema's property names, most frequent first: read as shared strings instead of a new string each time.
        private static readonly KeyValuePair<byte[], string>[] KnownNames = CreateKnownNames(
            "maxLength", "name", "tplId", "kind", "text", "variables", "type", "pattern", "description", "parameter",
            "namespace", "className", "signature", "templates");

        /// <summary>Reads the whole file into a tree; null (and a JSMS001 diagnostic) when it is not valid JSON.</summary>
        /// <param name="map">The file's text and its UTF-8 bytes (released when the reading ends).</param>
        /// <param name="context">Where syntax errors and repeated keys are reported.</param>
        /// <param name="cancellationToken">Cancels the reading.</param>
        /// <param name="templatesSink">
        /// Each item of the root object's first <c>"templates"</c> array goes to it as soon as it is read, instead of into
        /// the tree (whose <c>templates</c> array stays empty): a large file's templates need not all be alive at once.
        /// </param>
        public static JsonNode? Read(SourceMap map, ParseContext context, CancellationToken cancellationToken, Action<JsonNode> templatesSink)
        {
            var reader = new Utf8JsonReader(map.Utf8, Options);
            try
            {
                if (!reader.Read())
                {
                    context.Report(DiagnosticDescriptors.InvalidFileEmpty, map.Span(map.Text.Length, map.Text.Length));
                    return null;
                }

                JsonNode root = ReadValue(ref reader, map, context, cancellationToken, templatesSink);
                if (reader.Read())
                {
                    // Not reached with the options above (the reader throws first); kept in case they change.
                    int at = map.CharAt(reader.TokenStartIndex);
                    context.Report(DiagnosticDescriptors.InvalidFileTrailingContent, map.CharSpan(at));
                    return null;
                }

                return root;
            }
            catch (JsonException ex)
            {
                long byteOffset = map.ByteOffsetOf(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
                context.Report(DiagnosticDescriptors.InvalidFile, map.CharSpan(map.CharAt(byteOffset)), CleanMessage(ex.Message));
                return null;
            }
            finally
            {
                // The tree holds strings and character positions only; the bytes go back to the pool.
                map.ReleaseUtf8();
            }
        }

        private static JsonNode ReadValue(ref Utf8JsonReader reader, SourceMap map, ParseContext context, CancellationToken cancellationToken, Action<JsonNode>? templatesSink = null)
        {
            int start = map.CharAt(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var node = new JsonNode(JsonNodeKind.Object, start);
                    HashSet<string>? seen = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        int nameStart = map.CharAt(reader.TokenStartIndex);
                        int nameEnd = map.CharAt(reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                        string name = KnownName(ref reader) ?? GetString(ref reader, map, context, nameStart, nameEnd);
                        reader.Read();
                        JsonNode value = templatesSink is not null && reader.TokenType == JsonTokenType.StartArray
                            && string.Equals(name, "templates", StringComparison.Ordinal) && node.Find(name) is null
                            ? ReadArray(ref reader, map, context, cancellationToken, templatesSink)
                            : ReadValue(ref reader, map, context, cancellationToken);
                        if (IsNewMember(node, ref seen, name))
                        {
                            node.Members.Add(new JsonMember(name, nameStart, nameEnd, value));
                        }
                        else
                        {
                            context.Report(DiagnosticDescriptors.InvalidFileDuplicateProperty, map.Span(nameStart, nameEnd), name);
                        }
                    }

                    node.End = map.CharAt(reader.TokenStartIndex + 1);
                    return node;
                }

                case JsonTokenType.StartArray:
                    return ReadArray(ref reader, map, context, cancellationToken, sink: null);

                case JsonTokenType.String:
                {
                    int end = map.CharAt(reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                    var node = new JsonNode(JsonNodeKind.String, start) { End = end };
                    node.StringValue = GetString(ref reader, map, context, start, end);
                    return node;
                }

                case JsonTokenType.Number:
                {
                    int end = map.CharAt(reader.TokenStartIndex + reader.ValueSpan.Length);
                    return new JsonNode(JsonNodeKind.Number, start) { End = end, NumberText = map.Text.Substring(start, end - start) };
                }

                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                {
                    int end = map.CharAt(reader.TokenStartIndex + reader.ValueSpan.Length);
                    var kind = reader.TokenType == JsonTokenType.True ? JsonNodeKind.True
                        : reader.TokenType == JsonTokenType.False ? JsonNodeKind.False : JsonNodeKind.Null;
                    return new JsonNode(kind, start) { End = end };
                }

                default:
                    // The reader validates the structure, so this is not reached; throwing keeps the catch-all honest.
                    throw new InvalidOperationException("Unexpected JSON token " + reader.TokenType + ".");
            }
        }

        /// <summary>An array; with a <paramref name="sink"/>, its items go there rather than into the node.</summary>
        private static JsonNode ReadArray(ref Utf8JsonReader reader, SourceMap map, ParseContext context, CancellationToken cancellationToken, Action<JsonNode>? sink)
        {
            var node = new JsonNode(JsonNodeKind.Array, map.CharAt(reader.TokenStartIndex));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                cancellationToken.ThrowIfCancellationRequested();
                JsonNode item = ReadValue(ref reader, map, context, cancellationToken);
                if (sink is null)
                {
                    node.Items.Add(item);
                }
                else
                {
                    sink(item);
                }
            }

            node.End = map.CharAt(reader.TokenStartIndex + 1);
            return node;
        }

        /// <summary>
        /// False when <paramref name="obj"/> already has a member <paramref name="name"/>. Small objects (all of a templates
        /// file's) are searched; a set is only built once an object grows past a few members.
        /// </summary>
        private static bool IsNewMember(JsonNode obj, ref HashSet<string>? seen, string name)
        {
            const int SearchLimit = 8;
            if (seen is null)
            {
                if (obj.Members.Count < SearchLimit)
                {
                    return obj.Find(name) is null;
                }

                seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonMember member in obj.Members)
                {
                    seen.Add(member.Name);
                }
            }

            return seen.Add(name);
        }

        /// <summary>The shared string for a property name of the templates file schema, null for any other name.</summary>
        private static string? KnownName(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return null; // GetString decodes (and reports) escapes
            }

            ReadOnlySpan<byte> raw = reader.ValueSpan;
            foreach (KeyValuePair<byte[], string> known in KnownNames)
            {
                if (raw.SequenceEqual(known.Key))
                {
                    return known.Value;
                }
            }

            return null;
        }

        private static string GetString(ref Utf8JsonReader reader, SourceMap map, ParseContext context, int start, int end)
        {
            try
            {
                return reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException ex)
            {
                // e.g. an escaped lone surrogate ("\uD800") that cannot be transcoded.
                context.Report(DiagnosticDescriptors.InvalidFileUnreadableString, map.Span(start, end), ex.Message);
                return string.Empty;
            }
        }

        private static KeyValuePair<byte[], string>[] CreateKnownNames(params string[] names)
        {
            var known = new KeyValuePair<byte[], string>[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                known[i] = new KeyValuePair<byte[], string>(Encoding.UTF8.GetBytes(names[i]), names[i]);
            }

            return known;
        }

        /// <summary>Drops the " LineNumber: 0 | BytePositionInLine: 5." tail: the diagnostic's location says it better.</summary>
        private static string CleanMessage(string message)
        {
            int tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            string text = tail > 0 ? message.Substring(0, tail) : message;
            return text.Trim();
        }
    }
}
