using System.Resources;

namespace JuheSms.Generators.CodeFixes
{
    /// <summary>
    /// The code fixes' titles in <c>CodeFixTitles.resx</c> (English), in the IDE's UI culture. The SDK names the embedded
    /// resource after this class (the .resx sits beside it), the name <see cref="ResourceManager"/> is given: a
    /// <c>CodeFixTitles.{culture}.resx</c> beside it becomes a satellite assembly the same manager finds.
    /// </summary>
    internal static class CodeFixTitles
    {
        public const string BaseName = "JuheSms.Generators.CodeFixes.CodeFixTitles";

        /// <summary>JSMS104: "Add the variable '{0}'" ({0}: the variable).</summary>
        public const string AddMissingVariable = nameof(AddMissingVariable);

        /// <summary>JSMS101: "Remove the characters the provider cannot carry".</summary>
        public const string RemoveUnsafeCharacters = nameof(RemoveUnsafeCharacters);

        /// <summary>JSMS106: "Use {0}" ({0}: the typed method).</summary>
        public const string UseTypedMethod = nameof(UseTypedMethod);

        public static readonly ResourceManager ResourceManager = new ResourceManager(BaseName, typeof(CodeFixTitles).Assembly);

        /// <summary>The title <paramref name="name"/> in the current UI culture, with <paramref name="arguments"/> filled in.</summary>
        public static string Format(string name, params object[] arguments)
        {
            // The resource manager reads the thread's UI culture: the IDE's language.
            string format = ResourceManager.GetString(name) ?? name;
            return arguments.Length == 0 ? format : string.Format(format, arguments);
        }
    }
}
