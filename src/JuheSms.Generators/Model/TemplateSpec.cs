using JuheSms.Generators.Helpers;

namespace JuheSms.Generators.Model
{
    /// <summary>
    /// One approved template, known well enough to emit its typed method: its name, placeholders and parameters are known.
    /// When <paramref name="HasErrors"/>, something else about it is wrong (the templates file reports it): its method keeps
    /// the same signature, so call sites still compile, but throws instead of sending a message that could be wrong.
    /// </summary>
    /// <param name="Name">The template's <c>name</c> as in the file.</param>
    /// <param name="TypeName">The nested class name (<c>name</c> with its first letter upper-cased).</param>
    /// <param name="MethodName">The send method's name: <c>Send{TypeName}Async</c>.</param>
    /// <param name="TplId">The provider's template id (<c>tpl_id</c>).</param>
    /// <param name="Kind">The template kind.</param>
    /// <param name="Text">The approved text with its <c>#name#</c> placeholders.</param>
    /// <param name="Variables">The variables, in the order their placeholders first appear in <paramref name="Text"/>.</param>
    /// <param name="TplIdSpan">Where the <c>tplId</c> value is in the file (for analyzers pointing back at the template).</param>
    /// <param name="NameSpan">Where the <c>name</c> value is in the file.</param>
    /// <param name="HasErrors">True when the file reports an error for this template.</param>
    internal sealed record TemplateSpec(
        string Name,
        string TypeName,
        string MethodName,
        int TplId,
        TemplateKind Kind,
        string Text,
        EquatableArray<VariableSpec> Variables,
        FileSpan TplIdSpan,
        FileSpan NameSpan,
        bool HasErrors = false);
}
