using System.Text;

namespace JuheSms.Generators.Helpers
{
    /// <summary>
    /// A minimal indented writer for emitted C#: four spaces per level and "\n" line ends whatever the OS,
    /// so that generated sources (and their snapshots) are byte-for-byte deterministic.
    /// </summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public IndentedWriter WriteLine(string line = "")
        {
            if (line.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(line);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes <paramref name="line"/> then opens a block: <c>{</c> and one more level.</summary>
        public IndentedWriter OpenBlock(string line)
        {
            WriteLine(line);
            WriteLine("{");
            _indent++;
            return this;
        }

        public IndentedWriter CloseBlock(string suffix = "")
        {
            _indent--;
            WriteLine("}" + suffix);
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
    }
}
