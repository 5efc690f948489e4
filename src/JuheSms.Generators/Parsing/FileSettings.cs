using System;
using System.Text.Json;

namespace JuheSms.Generators.Parsing
{
    /// <summary>
    /// The file settings every template is checked with (<c>signature</c> counts in the length check, <c>className</c>
    /// must not be a template's name), read before the templates are, so that the parser checks each template as the
    /// reader reaches it and never holds a large file's whole tree.
    /// The values are the ones <see cref="TemplatesParser"/> reads from the file's tree: the first <c>signature</c> of
    /// the root object when it is a string (else none), the first <c>className</c> when it is a C# class name (else the
    /// default). What is wrong with them is reported when the tree is checked, not here.
    /// </summary>
    internal readonly struct FileSettings
    {
        private FileSettings(string signature, string className)
        {
            Signature = signature;
            ClassName = className;
        }

        public string Signature { get; }

        public string ClassName { get; }

        /// <summary>
        /// Scans the root object's properties (skipping over their values) until both settings are found. A file that is
        /// not valid JSON gives what was found before the error: its templates are not used (JSMS001 stops the file).
        /// </summary>
        public static FileSettings Read(ReadOnlySpan<byte> utf8)
        {
            string? signature = null;
            string? className = null;
            var reader = new Utf8JsonReader(utf8, JsonTreeReader.Options);
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return new FileSettings(string.Empty, GeneratedNames.DefaultClassName);
                }

                while ((signature is null || className is null) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isSignature = signature is null && NameIs(ref reader, "signature");
                    bool isClassName = !isSignature && className is null && NameIs(ref reader, "className");
                    reader.Read();
                    if (isSignature)
                    {
                        signature = StringValue(ref reader) ?? string.Empty;
                    }
                    else if (isClassName)
                    {
                        string? value = StringValue(ref reader);
                        className = value is not null && CSharpNames.IsPlainIdentifier(value) ? value : GeneratedNames.DefaultClassName;
                    }

                    reader.Skip();
                }
            }
            catch (JsonException)
            {
                // The tree reader reports the syntax error.
            }

            return new FileSettings(signature ?? string.Empty, className ?? GeneratedNames.DefaultClassName);
        }

        private static bool NameIs(ref Utf8JsonReader reader, string name)
        {
            try
            {
                return reader.ValueTextEquals(name);
            }
            catch (InvalidOperationException)
            {
                // An escape that cannot be decoded: the tree reader names the property "" (and reports it).
                return false;
            }
        }

        /// <summary>The string at the reader (an undecodable one reads as "", as in the tree), or null for any other token.</summary>
        private static string? StringValue(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            try
            {
                return reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException)
            {
                return string.Empty;
            }
        }
    }
}
