using JuheSms.Generators.Helpers;

namespace JuheSms.Generators.Model
{
    /// <summary>What one templates file asks to generate (the templates whose method cannot be made are left out).</summary>
    /// <param name="FilePath">The file's path, as the compiler knows it.</param>
    /// <param name="Namespace">The namespace from the file, or null to use the project's root namespace.</param>
    /// <param name="ClassName">The static partial class to emit (<c>SmsTemplates</c> by default).</param>
    /// <param name="Signature">The signature the provider adds in front of every message (e.g. <c>【Contoso】</c>), or empty.</param>
    /// <param name="Templates">The templates to emit, in file order (see <see cref="TemplateSpec.HasErrors"/>).</param>
    internal sealed record TemplatesFileSpec(
        string FilePath,
        string? Namespace,
        string ClassName,
        string Signature,
        EquatableArray<TemplateSpec> Templates);
}
