using System;
using System.Collections.Generic;
using JuheSms.Generators.Model;

namespace JuheSms.Generators.Parsing
{
    internal enum JsonNodeKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A JSON value with its place in the source (character offsets [<see cref="Start"/>, <see cref="End"/>)).
    /// System.Text.Json's JsonDocument keeps no positions, hence this small tree built from Utf8JsonReader tokens.
    /// </summary>
    internal sealed class JsonNode
    {
        // Shared by every scalar (most nodes), so that they allocate no lists; the reader only adds to objects and arrays.
        private static readonly List<JsonMember> NoMembers = new List<JsonMember>(0);
        private static readonly List<JsonNode> NoItems = new List<JsonNode>(0);

        public JsonNode(JsonNodeKind kind, int start)
        {
            Kind = kind;
            Start = start;
            Members = kind == JsonNodeKind.Object ? new List<JsonMember>() : NoMembers;
            Items = kind == JsonNodeKind.Array ? new List<JsonNode>() : NoItems;
        }

        public JsonNodeKind Kind { get; }

        public int Start { get; }

        public int End { get; set; }

        /// <summary>The unescaped value of a string.</summary>
        public string? StringValue { get; set; }

        /// <summary>The source text of a number.</summary>
        public string? NumberText { get; set; }

        /// <summary>An object's members (empty for any other kind).</summary>
        public List<JsonMember> Members { get; }

        /// <summary>An array's items (empty for any other kind).</summary>
        public List<JsonNode> Items { get; }

        /// <summary>Objects and arrays are reported at their opening bracket; scalars over their whole token.</summary>
        public int ReportEnd => Kind == JsonNodeKind.Object || Kind == JsonNodeKind.Array ? Start + 1 : End;

        /// <summary>The kind as a message says it ("an object", "a string"...): a <see cref="MessageArgument.Fragment"/>.</summary>
        public MessageArgument KindName
        {
            get
            {
                switch (Kind)
                {
                    case JsonNodeKind.Object: return MessageArgument.Fragment("Object");
                    case JsonNodeKind.Array: return MessageArgument.Fragment("Array");
                    case JsonNodeKind.String: return MessageArgument.Fragment("String");
                    case JsonNodeKind.Number: return MessageArgument.Fragment("Number");
                    case JsonNodeKind.Null: return MessageArgument.Fragment("Null");
                    default: return MessageArgument.Fragment("Boolean");
                }
            }
        }

        /// <summary>The member named <paramref name="name"/> (ordinal; the first one when a file repeats a key).</summary>
        public JsonMember? Find(string name)
        {
            foreach (JsonMember member in Members)
            {
                if (string.Equals(member.Name, name, StringComparison.Ordinal))
                {
                    return member;
                }
            }

            return null;
        }
    }

    /// <summary>An object's property: its name, the name's place (quotes included) and its value.</summary>
    internal sealed class JsonMember
    {
        public JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            NameEnd = nameEnd;
            Value = value;
        }

        public string Name { get; }

        public int NameStart { get; }

        public int NameEnd { get; }

        public JsonNode Value { get; }
    }
}
