using System.Collections.Generic;
using System.Threading;
using JuheSms.Generators.Helpers;
using JuheSms.Generators.Model;
using JuheSms.Generators.Parsing;

namespace JuheSms.Generators.Emitting
{
    /// <summary>
    /// Writes the C# for one templates file. The output compiles warning-free from C# 8 on (no records, init,
    /// target-typed new, <c>is not</c> or file-scoped namespaces), names every type with <c>global::</c>, and uses a
    /// precompiled <c>Regex</c> field rather than [GeneratedRegex]: one generator's output is not seen by another.
    /// </summary>
    internal static class TemplatesEmitter
    {
        public const string GeneratorName = "JuheSms.Generators";

        /// <summary>The generator's assembly version: stable between builds of one release (unlike the informational version).</summary>
        public static readonly string GeneratorVersion =
            typeof(TemplatesEmitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

        private static readonly string GeneratedCodeAttribute =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"" + GeneratorName + "\", \"" + GeneratorVersion + "\")]";

        /// <summary>
        /// A part is closed once it holds this many characters, so a part stays below the large-object heap (85,000 bytes)
        /// unless a single template is that large; typical templates are 3,000 to 8,000 characters.
        /// </summary>
        internal const int PartLength = 30_000;

        /// <summary>
        /// Above 1,250 templates a part grows by this many characters per template, which keeps a file to about 250 parts
        /// whatever its size: the driver's cost per source grows with the number of sources (Roslyn 4.8 compares each hint
        /// name with every earlier one), and would make 10,000 templates in 2,000 parts cost more than linear time.
        /// </summary>
        internal const int PartLengthPerTemplate = 24;

        /// <summary>
        /// The sources for one templates file, in parts of about <see cref="PartLength"/> characters (more for a very large
        /// file, see <see cref="PartLengthPerTemplate"/>): <c>{hintPrefix}.g.cs</c>
        /// declares the class with its docs and the first templates, <c>{hintPrefix}-2.g.cs</c> and so on the next ones (each
        /// template's send method and template class stay in one part). Small parts keep every buffer off the large-object
        /// heap and let the compiler parse them in parallel; few parts keep the driver's per-source cost low.
        /// </summary>
        /// <param name="file">The templates file, its namespace resolved.</param>
        /// <param name="hintPrefix">The hint name of the first part, without <c>.g.cs</c>.</param>
        /// <param name="nullableAnnotations">
        /// False for C# 7.3 (the default language version of .NET Framework and netstandard2.0 projects): no
        /// <c>#nullable enable</c>, and <c>string ext = null</c> rather than <c>string? ext = null</c>.
        /// </param>
        /// <param name="cancellationToken">Cancels the emission.</param>
        public static EquatableArray<EmittedSource> Emit(TemplatesFileSpec file, string hintPrefix, bool nullableAnnotations, CancellationToken cancellationToken)
        {
            string optionalString = nullableAnnotations ? "string?" : "string";
            string ns = file.Namespace ?? GeneratedNames.FallbackNamespace;

            // Every template class is qualified with the same prefix.
            string classPrefix = "global::" + ns + "." + file.ClassName + ".";
            int partLength = System.Math.Max(PartLength, file.Templates.Count * PartLengthPerTemplate);
            var w = new IndentedWriter(partLength + (partLength / 2));
            var sources = new List<EmittedSource>();

            OpenPart(w, file, ns, nullableAnnotations, withClassDocs: true);
            bool partHasTemplate = false;
            for (int i = 0; i < file.Templates.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (w.Length == 0)
                {
                    OpenPart(w, file, ns, nullableAnnotations, withClassDocs: false);
                }
                else if (partHasTemplate)
                {
                    w.WriteLine();
                }

                TemplateSpec template = file.Templates[i];
                EmitSendMethods(w, file, template, classPrefix, optionalString, nullableAnnotations);
                w.WriteLine();
                EmitTemplateClass(w, file, template, optionalString);
                partHasTemplate = true;
                if (w.Length >= partLength && i < file.Templates.Count - 1)
                {
                    sources.Add(ClosePart(w, hintPrefix, sources.Count));
                    partHasTemplate = false;
                }
            }

            sources.Add(ClosePart(w, hintPrefix, sources.Count));
            return new EquatableArray<EmittedSource>(sources);
        }

        private static EmittedSource ClosePart(IndentedWriter w, string hintPrefix, int index)
        {
            w.CloseBlock();
            w.CloseBlock();
            string hintName = index == 0 ? hintPrefix + ".g.cs" : hintPrefix + "-" + CSharpNames.Invariant(index + 1) + ".g.cs";
            return new EmittedSource(hintName, w.ToStringAndClear());
        }

        /// <summary>The start of a part, up to the class's opening brace; the class's docs go in the first part only.</summary>
        private static void OpenPart(IndentedWriter w, TemplatesFileSpec file, string ns, bool nullableAnnotations, bool withClassDocs)
        {
            w.WriteLine("// <auto-generated/>");
            if (nullableAnnotations)
            {
                w.WriteLine("#nullable enable");
            }

            w.WriteLine();
            w.Write("namespace ").OpenBlock(ns);
            if (withClassDocs)
            {
                w.Write("/// <summary>Typed senders for the approved SMS templates of <c>").WriteXml(FileName(file.FilePath))
                    .WriteLine("</c> (generated by JuheSms.Generators).</summary>");
            }

            w.Write("public static partial class ").OpenBlock(file.ClassName);
        }

        /// <summary>
        /// The two send methods of a template. The keyed one, <c>(client, mobile, variables..., string? ext, string
        /// idempotencyKey, CancellationToken = default)</c>, holds the docs and the one body; the other, <c>(client, mobile,
        /// variables..., string? ext = null, CancellationToken = default)</c>, calls it with no key. Its <c>ext</c> is
        /// required so that no call written for the other one binds to it: a third positional string is always <c>ext</c>,
        /// and <c>(mobile, code, "x")</c> stays unambiguous.
        /// </summary>
        private static void EmitSendMethods(IndentedWriter w, TemplatesFileSpec file, TemplateSpec template, string classPrefix, string optionalString, bool nullableAnnotations)
        {
            // Without a key: its docs are the keyed method's (an IDE shows only the parameters it has).
            WriteKeyedInheritDoc(w, template, string.Empty);
            w.WriteLine(GeneratedCodeAttribute);
            WriteSendSignature(w, template);
            w.Write(", ").Write(optionalString).Write(' ').Write(GeneratedNames.ExtParameter).Write(" = null, global::System.Threading.CancellationToken ")
                .Write(GeneratedNames.CancellationTokenParameter).OpenBlock(" = default)");
            w.Write("return ").Write(template.MethodName).Write('(').Write(GeneratedNames.ClientParameter).Write(", ").Write(GeneratedNames.MobileParameter);
            WriteArguments(w, template);
            w.Write(", ").Write(GeneratedNames.ExtParameter).Write(nullableAnnotations ? ", null!, " : ", null, ")
                .Write(GeneratedNames.CancellationTokenParameter).WriteLine(");");
            w.CloseBlock();
            w.WriteLine();

            // With a key: the docs and the body.
            w.WriteLine("/// <summary>");
            w.Write("/// Sends template <c>").WriteXml(template.Name).Write("</c> (tpl_id ").Write(template.TplId).Write(", ")
                .Write(KindText(template.Kind)).WriteLine("):");
            w.Write("/// <c>").WriteXml(file.Signature).WriteXml(template.Text).WriteLine("</c>");
            w.WriteLine("/// </summary>");
            w.WriteLine("/// <param name=\"client\">The client that sends the message.</param>");
            w.WriteLine("/// <param name=\"mobile\">The receiving mainland China mobile number (11 digits; +86, spaces and dashes allowed).</param>");
            WriteVariableParamDocs(w, template);
            w.WriteLine("/// <param name=\"ext\">The optional extension code: 1 to 9 digits.</param>");
            w.WriteLine("/// <param name=\"idempotencyKey\">Makes the send safe to repeat (<see cref=\"global::JuheSms.SmsMessage.IdempotencyKey\"/>): with an idempotency store, a repeat of a completed send with this key returns its first result without a request. 1 to 200 characters, no control characters; tie it to the event (an order id), not to the attempt.</param>");
            w.WriteLine("/// <param name=\"cancellationToken\">Cancels the send.</param>");
            w.WriteLine("/// <returns>The provider's result (count, fee, sid).</returns>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A value is invalid; nothing was sent.</exception>");
            WriteErrorDocs(w, template);
            w.WriteLine(GeneratedCodeAttribute);
            WriteSendSignature(w, template);
            w.Write(", ").Write(optionalString).Write(' ').Write(GeneratedNames.ExtParameter).Write(", string ").Write(GeneratedNames.IdempotencyKeyParameter)
                .Write(", global::System.Threading.CancellationToken ").Write(GeneratedNames.CancellationTokenParameter).OpenBlock(" = default)");
            w.OpenBlock("if (client is null)");
            w.WriteLine("throw new global::System.ArgumentNullException(nameof(client));");
            w.CloseBlock();
            w.WriteLine();

            // The runtime checks the key in SendAsync, before any request, and names the parameter idempotencyKey.
            string message = GeneratedNames.MessageLocalName(template);
            w.Write("global::JuheSms.SmsMessage ").Write(message).Write(" = ").Write(classPrefix).Write(template.TypeName).Write(".CreateMessage(mobile");
            WriteArguments(w, template);
            w.WriteLine(", ext);");
            w.Write(message).Write(".IdempotencyKey = ").Write(GeneratedNames.IdempotencyKeyParameter).WriteLine(";");
            w.Write("return client.SendAsync(").Write(message).WriteLine(", cancellationToken);");
            w.CloseBlock();
        }

        /// <summary><c>public static Task&lt;SmsSendResult&gt; Send{Name}Async(this IJuheSmsClient client, string mobile, variables...</c>: what both send methods start with.</summary>
        private static void WriteSendSignature(IndentedWriter w, TemplateSpec template)
        {
            w.Write("public static global::System.Threading.Tasks.Task<global::JuheSms.SmsSendResult> ").Write(template.MethodName)
                .Write("(this global::JuheSms.IJuheSmsClient ").Write(GeneratedNames.ClientParameter).Write(", string ").Write(GeneratedNames.MobileParameter);
            WriteParameters(w, template, leadingComma: true);
        }

        /// <summary>
        /// <c>&lt;inheritdoc cref="Send{Name}Async(...)"{attributes}/&gt;</c> of the keyed send method: a bare method name would
        /// be ambiguous between the two (CS0419). Parameter types only, without nullable annotations (a cref has none).
        /// </summary>
        private static void WriteKeyedInheritDoc(IndentedWriter w, TemplateSpec template, string attributes)
        {
            w.Write("/// <inheritdoc cref=\"").Write(template.MethodName).Write("(global::JuheSms.IJuheSmsClient, string");
            foreach (VariableSpec variable in template.Variables)
            {
                w.Write(", ").Write(TypeName(variable.Type));
            }

            w.Write(", string, string, global::System.Threading.CancellationToken)\"").Write(attributes).WriteLine("/>");
        }

        private static void EmitTemplateClass(IndentedWriter w, TemplatesFileSpec file, TemplateSpec template, string optionalString)
        {
            TemplateMembers members = TemplateMembers.Allocate(template);
            EquatableArray<VariableSpec> variables = template.Variables;
            string kindName = KindName(template.Kind);

            w.Write("/// <summary>Template <c>").WriteXml(template.Name)
                .WriteLine("</c>: its id, text and variables, <see cref=\"Render\"/> and <see cref=\"CreateMessage\"/>.</summary>");
            w.WriteLine(GeneratedCodeAttribute);
            w.Write("public static class ").OpenBlock(template.TypeName);
            w.WriteLine("/// <summary>The template id (<c>tpl_id</c>).</summary>");
            w.Write("public const int TplId = ").Write(template.TplId).WriteLine(";");
            w.WriteLine();
            w.WriteLine("/// <summary>The approved text, placeholders included, without the signature.</summary>");
            w.Write("public const string Text = ").WriteLiteral(template.Text).WriteLine(";");
            w.WriteLine();
            w.WriteLine("/// <summary>The signature the provider shows in front of the text.</summary>");
            w.Write("public const string Signature = ").WriteLiteral(file.Signature).WriteLine(";");
            w.WriteLine();
            w.WriteLine("/// <summary>The template's kind.</summary>");
            w.Write("public const global::JuheSms.SmsTemplateKind Kind = global::JuheSms.SmsTemplateKind.").Write(kindName).WriteLine(";");

            for (int i = 0; i < variables.Count; i++)
            {
                VariableSpec variable = variables[i];
                w.WriteLine();
                w.Write("/// <summary>The name of the variable <c>#").WriteXml(variable.Name).WriteLine("#</c>.</summary>");
                w.Write("public const string ").Write(members.Constants[i]).Write(" = ").WriteLiteral(variable.Name).WriteLine(";");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>The variable names, in the order their placeholders first appear in <see cref=\"Text\"/>.</summary>");
            w.Write("public static global::System.Collections.Generic.IReadOnlyList<string> VariableNames { get; } = global::System.Array.AsReadOnly(");
            if (variables.Count == 0)
            {
                w.Write("global::System.Array.Empty<string>()");
            }
            else
            {
                w.Write("new string[] { ");
                for (int i = 0; i < variables.Count; i++)
                {
                    w.Write(i > 0 ? ", " : string.Empty).Write(members.Constants[i]);
                }

                w.Write(" }");
            }

            w.WriteLine(");");

            for (int i = 0; i < variables.Count && !template.HasErrors; i++)
            {
                VariableSpec variable = variables[i];
                if (variable.Pattern is not null)
                {
                    w.WriteLine();
                    w.Write("private static readonly global::System.Text.RegularExpressions.Regex ").Write(members.Patterns[i])
                        .Write(" = new global::System.Text.RegularExpressions.Regex(").WriteLiteral(variable.Pattern)
                        .WriteLine(", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant | global::System.Text.RegularExpressions.RegexOptions.Compiled, global::System.TimeSpan.FromSeconds(1));");
                }
            }

            // Render
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Renders the message as the phone shows it (signature + text with the values) and counts its billed messages.");
            w.WriteLine("/// Checks the values like <see cref=\"CreateMessage\"/>.");
            w.WriteLine("/// </summary>");
            WriteInheritedParamDocs(w, template);
            w.WriteLine("/// <returns>The rendered text and its billed messages.</returns>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A value is invalid.</exception>");
            WriteErrorDocs(w, template);
            w.Write("public static global::JuheSms.RenderedSms Render(");
            WriteParameters(w, template, leadingComma: false);
            w.OpenBlock(")");
            if (template.HasErrors)
            {
                WriteThrowForErrors(w, file, template);
            }
            else
            {
                w.Write("return new global::JuheSms.RenderedSms(");
                WriteRenderExpression(w, template, members);
                w.WriteLine(");");
            }

            w.CloseBlock();

            // CreateMessage
            w.WriteLine();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Creates the message to pass to <see cref=\"global::JuheSms.IJuheSmsClient.SendAsync\"/>, after checking the mobile number,");
            w.WriteLine("/// each value (no '#', '【', '】' or control characters; its pattern and maximum length) and <paramref name=\"ext\"/>.");
            w.WriteLine("/// </summary>");
            WriteInheritedParamDocs(w, template);
            w.WriteLine("/// <returns>The message, with its <see cref=\"global::JuheSms.SmsMessage.Kind\"/> set.</returns>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A value is invalid.</exception>");
            WriteErrorDocs(w, template);
            w.Write("public static global::JuheSms.SmsMessage CreateMessage(string mobile");
            WriteParameters(w, template, leadingComma: true);
            w.Write(", ").Write(optionalString).OpenBlock(" ext = null)");
            if (template.HasErrors)
            {
                WriteThrowForErrors(w, file, template);
                w.CloseBlock();
                w.CloseBlock();
                return;
            }

            w.WriteLine("global::JuheSms.SmsValidation.NormalizeMobile(mobile);");
            w.WriteLine("global::JuheSms.SmsValidation.EnsureExt(ext);");
            w.WriteLine("return new global::JuheSms.SmsMessage(");
            w.Indent();
            w.WriteLine("mobile,");
            w.WriteLine("TplId,");
            w.Write("new global::System.Collections.Generic.Dictionary<string, string>(").Write(variables.Count)
                .WriteLine(", global::System.StringComparer.Ordinal)");
            w.WriteLine("{");
            w.Indent();
            for (int i = 0; i < variables.Count; i++)
            {
                w.Write("{ ").Write(members.Constants[i]).Write(", ");
                WriteValue(w, variables[i], members, i);
                w.WriteLine(" },");
            }

            w.Unindent();
            w.WriteLine("})");
            w.Unindent();
            w.WriteLine("{");
            w.Indent();
            w.WriteLine("Ext = ext,");
            w.Write("Kind = global::JuheSms.SmsTemplateKind.").Write(kindName).WriteLine(",");
            w.Unindent();
            w.WriteLine("};");
            w.CloseBlock();

            w.CloseBlock();
        }

        /// <summary>The exception a template with errors documents on its members (the file's JSMS errors fail the build).</summary>
        private static void WriteErrorDocs(IndentedWriter w, TemplateSpec template)
        {
            if (template.HasErrors)
            {
                w.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">Always: the template has errors in its templates file; nothing is sent.</exception>");
            }
        }

        /// <summary>
        /// The body of a template with errors: it keeps its signature, so call sites compile and the user meets the JSON
        /// error, but it never builds a message that could be wrong (an unchecked rule, an undeclared variable).
        /// </summary>
        private static void WriteThrowForErrors(IndentedWriter w, TemplatesFileSpec file, TemplateSpec template)
        {
            w.Write("throw new global::System.InvalidOperationException(")
                .WriteLiteral("The SMS template '" + template.Name + "' has errors in " + FileName(file.FilePath) + " (see its JSMS diagnostics); nothing was sent.")
                .WriteLine(");");
        }

        /// <summary>
        /// The one place a value is checked and turned into the text sent to the provider: a call of the runtime's
        /// <c>SmsValidation.EnsureTemplateValue</c>, which holds the checks and their messages once for every template.
        /// </summary>
        private static void WriteValue(IndentedWriter w, VariableSpec variable, TemplateMembers members, int index)
        {
            w.Write("global::JuheSms.SmsValidation.EnsureTemplateValue(").Write(variable.ParameterName).Write(", ")
                .WriteLiteral(variable.ParameterNameText).Write(", ").Write(members.Constants[index]);
            if (variable.MaxLength is int maxLength)
            {
                w.Write(", ").Write(maxLength);
            }

            if (variable.Pattern is not null)
            {
                w.Write(variable.MaxLength is null ? ", pattern: " : ", ").Write(members.Patterns[index]);
            }

            w.Write(')');
        }

        /// <summary><c>Signature + "text before" + EnsureTemplateValue(x, ...) + "text after"</c>: the text split at its placeholders.</summary>
        private static void WriteRenderExpression(IndentedWriter w, TemplateSpec template, TemplateMembers members)
        {
            string text = template.Text;
            w.Write("Signature");
            int position = 0;
            foreach (Placeholder placeholder in Placeholders.Scan(text).Placeholders)
            {
                if (placeholder.Start > position)
                {
                    w.Write(" + ").WriteLiteral(text, position, placeholder.Start - position);
                }

                int index = IndexOfVariable(template.Variables, placeholder.Name);
                w.Write(" + ");
                WriteValue(w, template.Variables[index], members, index);
                position = placeholder.End;
            }

            if (position < text.Length)
            {
                w.Write(" + ").WriteLiteral(text, position, text.Length - position);
            }
        }

        /// <summary>
        /// The variable of a placeholder: a scan (templates have a few variables, so a dictionary would cost more), from the
        /// end, so that the last of a repeated name would win.
        /// </summary>
        private static int IndexOfVariable(EquatableArray<VariableSpec> variables, string name)
        {
            for (int i = variables.Count - 1; i >= 0; i--)
            {
                if (string.Equals(variables[i].Name, name, System.StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new KeyNotFoundException("No variable for the placeholder #" + name + "#.");
        }

        private static void WriteVariableParamDocs(IndentedWriter w, TemplateSpec template)
        {
            foreach (VariableSpec variable in template.Variables)
            {
                w.Write("/// <param name=\"").Write(variable.ParameterNameText).Write("\">");
                if (variable.Description is not null && variable.Description.Trim().Length > 0)
                {
                    w.WriteXml(variable.Description.Trim()).Write(' ');
                }

                w.Write("Fills <c>#").WriteXml(variable.Name).Write("#</c>");
                if (variable.Pattern is not null)
                {
                    w.Write("; must match <c>").WriteXml(variable.Pattern).Write("</c>");
                }

                if (variable.MaxLength is int max)
                {
                    w.Write("; at most ").Write(max).Write(max == 1 ? " character" : " characters");
                }

                w.WriteLine(".</param>");
            }
        }

        /// <summary>
        /// <c>Render</c> and <c>CreateMessage</c> take their parameters' docs from the keyed send method, which has them all, so
        /// they are written once per template (and with no parameter documented by hand, the compiler asks for none).
        /// </summary>
        private static void WriteInheritedParamDocs(IndentedWriter w, TemplateSpec template)
            => WriteKeyedInheritDoc(w, template, " path=\"/param\"");

        private static void WriteParameters(IndentedWriter w, TemplateSpec template, bool leadingComma)
        {
            for (int i = 0; i < template.Variables.Count; i++)
            {
                if (leadingComma || i > 0)
                {
                    w.Write(", ");
                }

                VariableSpec variable = template.Variables[i];
                w.Write(TypeName(variable.Type)).Write(' ').Write(variable.ParameterName);
            }
        }

        private static void WriteArguments(IndentedWriter w, TemplateSpec template)
        {
            foreach (VariableSpec variable in template.Variables)
            {
                w.Write(", ").Write(variable.ParameterName);
            }
        }

        private static string TypeName(VariableType type)
            => type == VariableType.Int ? "int" : type == VariableType.Long ? "long" : "string";

        private static string KindText(TemplateKind kind)
            => kind == TemplateKind.Verification ? "verification" : kind == TemplateKind.Marketing ? "marketing" : "notification";

        /// <summary>The <c>SmsTemplateKind</c> member: the enum's name, without <c>Enum.ToString</c> (reflection) per template.</summary>
        private static string KindName(TemplateKind kind) => kind switch
        {
            TemplateKind.Verification => nameof(TemplateKind.Verification),
            TemplateKind.Notification => nameof(TemplateKind.Notification),
            TemplateKind.Marketing => nameof(TemplateKind.Marketing),
            _ => kind.ToString(),
        };

        private static string FileName(string path)
        {
            int slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash >= 0 ? path.Substring(slash + 1) : path;
        }

        /// <summary>
        /// Names of a template class's per-variable members (constant, regex field), kept clear of the fixed
        /// members, the class name and the parameter names (a parameter would hide a member of the same name).
        /// </summary>
        private sealed class TemplateMembers
        {
            private TemplateMembers(string[] constants, string[] patterns)
            {
                Constants = constants;
                Patterns = patterns;
            }

            public string[] Constants { get; }

            public string[] Patterns { get; }

            public static TemplateMembers Allocate(TemplateSpec template)
            {
                GeneratedNames.VariableMemberNames(template, out string[] constants, out string[] patterns);
                return new TemplateMembers(constants, patterns);
            }
        }
    }
}
