using System;
using System.Collections.Generic;

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

        /// <summary>
        /// True for the root's <c>templates</c> array when its items went to the reader's item sink one by one instead of
        /// into <see cref="Items"/> (which is then empty).
        /// </summary>
        public bool Streamed { get; set; }

        /// <summary>Objects and arrays are reported at their opening bracket; scalars over their whole token.</summary>
        public int ReportEnd => Kind == JsonNodeKind.Object || Kind == JsonNodeKind.Array ? Start + 1 : End;

        public string KindName
        {
            get
            {
                switch (Kind)
                {
                    case JsonNodeKind.Object: return "an object";
                    case JsonNodeKind.Array: return "an array";
                    case JsonNodeKind.String: return "a string";
                    case JsonNodeKind.Number: return "a number";
                    case JsonNodeKind.Null: return "null";
                    default: return "a boolean";
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
