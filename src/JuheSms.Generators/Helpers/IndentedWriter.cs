using System.Text;

namespace JuheSms.Generators.Helpers
{
    /// <summary>
    /// A minimal indented writer for emitted C#: four spaces per level and "\n" line ends whatever the OS,
    /// so that generated sources (and their snapshots) are byte-for-byte deterministic.
    /// A line can be written whole (<see cref="WriteLine(string)"/>) or in pieces (<see cref="Write(string)"/>, then
    /// <see cref="WriteLine(string)"/>): pieces go straight into one builder, so the emitter need not concatenate
    /// strings per line; one writer is reused for every source of a file (<see cref="ToStringAndClear"/>).
    /// </summary>
    internal sealed class IndentedWriter
    {
        // Indents up to this level are cached strings (one Append each); deeper ones are built on the fly.
        private static readonly string[] Indents = CreateIndents(8);

        private readonly StringBuilder _builder;
        private int _indent;
        private bool _lineStarted;

        /// <param name="capacity">The expected length of the text, so the builder rarely grows.</param>
        public IndentedWriter(int capacity = 256)
        {
            _builder = new StringBuilder(capacity);
        }

        /// <summary>Appends <paramref name="text"/> to the current line (indenting first if the line is new).</summary>
        public IndentedWriter Write(string text)
        {
            if (text.Length > 0)
            {
                StartLine();
                _builder.Append(text);
            }

            return this;
        }

        /// <summary>Appends <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
        public IndentedWriter Write(string text, int start, int count)
        {
            if (count > 0)
            {
                StartLine();
                _builder.Append(text, start, count);
            }

            return this;
        }

        public IndentedWriter Write(char c)
        {
            StartLine();
            _builder.Append(c);
            return this;
        }

        /// <summary>Appends <paramref name="value"/> formatted invariantly.</summary>
        public IndentedWriter Write(int value)
        {
            StartLine();

            // A non-negative int formats the same in every culture; only the minus sign can differ.
            if (value >= 0)
            {
                _builder.Append(value);
            }
            else
            {
                _builder.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return this;
        }

        /// <summary>Appends <paramref name="line"/> (if any) and ends the line; an empty line gets no indent.</summary>
        public IndentedWriter WriteLine(string line = "")
        {
            Write(line);
            _builder.Append('\n');
            _lineStarted = false;
            return this;
        }

        /// <summary>Writes <paramref name="line"/> (ending the current line) then opens a block: <c>{</c> and one more level.</summary>
        public IndentedWriter OpenBlock(string line = "")
        {
            WriteLine(line);
            WriteLine("{");
            _indent++;
            return this;
        }

        public IndentedWriter CloseBlock(string suffix = "")
        {
            _indent--;
            Write('}');
            WriteLine(suffix);
            return this;
        }

        public IndentedWriter Indent()
        {
            _indent++;
            return this;
        }

        public IndentedWriter Unindent()
        {
            _indent--;
            return this;
        }

        public override string ToString() => _builder.ToString();

        /// <summary>Characters written so far.</summary>
        public int Length => _builder.Length;

        /// <summary>Returns the text and empties the writer (keeping its buffer), for the next source.</summary>
        public string ToStringAndClear()
        {
            string text = _builder.ToString();
            _builder.Clear();
            _indent = 0;
            _lineStarted = false;
            return text;
        }

        private void StartLine()
        {
            if (_lineStarted)
            {
                return;
            }

            _lineStarted = true;
            if (_indent < Indents.Length)
            {
                _builder.Append(Indents[_indent]);
            }
            else
            {
                _builder.Append(' ', _indent * 4);
            }
        }

        private static string[] CreateIndents(int count)
        {
            var indents = new string[count];
            for (int i = 0; i < count; i++)
            {
                indents[i] = new string(' ', i * 4);
            }

            return indents;
        }
    }
}
