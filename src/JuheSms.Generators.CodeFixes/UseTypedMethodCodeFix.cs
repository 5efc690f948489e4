using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Generators.Analyzers;
using JuheSms.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace JuheSms.Generators.CodeFixes
{
    /// <summary>
    /// JSMS106: rewrites <c>client.SendAsync(new SmsMessage(m, 123456, new Dictionary&lt;string, string&gt; { ["code"] = c,
    /// ["minutes"] = "5" }) { Ext = e }, ct)</c> into <c>client.SendVerificationCodeAsync(m, c, 5, e, ct)</c>, the arguments
    /// mapped by variable name into the typed method's parameter order.
    /// An int/long variable becomes a numeric literal when its value is a constant numeric string; when it is anything
    /// else the fix is not offered: <c>int.Parse</c> would move a format error from the provider's check into a throw at
    /// the call site, a change of behaviour a refactoring must not make silently.
    /// The template's <c>Kind</c> is set by the typed method itself, so a <c>Kind = ...</c> initializer is dropped. An
    /// <c>IdempotencyKey = k</c> initializer is kept: the send becomes the keyed method, <c>client.SendVerificationCodeAsync(m,
    /// c, 5, e, k, ct)</c> (<c>null</c> for an ext the message did not set).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedMethodCodeFix)), Shared]
    public sealed class UseTypedMethodCodeFix : CodeFixProvider
    {
        /// <summary>The equivalence key: one FixAll for every JSMS106 send.</summary>
        public const string EquivalenceKey = "JSMS106_UseTypedMethod";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("JSMS106");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax argument)
                {
                    node = argument.Expression;
                }

                if (node is not BaseObjectCreationExpressionSyntax creation
                    || FindTemplate(context.Document.Project, diagnostic.Properties, context.CancellationToken) is not { } template
                    || TypedSend.TryCreate(model, creation, template, context.CancellationToken) is not { } send)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        CodeFixTitles.Format(CodeFixTitles.UseTypedMethod, send.MethodName),
                        ct => FixAsync(context.Document, send, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, TypedSend send, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            SyntaxNode newRoot = root.ReplaceNode(send.Invocation, send.BuildInvocation().WithTriviaFrom(send.Invocation));
            if (send.NamespaceToImport is { } ns && newRoot is CompilationUnitSyntax unit && !HasUsing(unit, ns))
            {
                newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                    .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>The template the diagnostic names, read from the project's templates files (parsed once per content: the analyzer's cache).</summary>
        private static CatalogTemplate? FindTemplate(Project project, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
        {
            if (!properties.TryGetValue(DiagnosticPropertyKeys.TypedMethodClass, out string? className) || className is null
                || !properties.TryGetValue(DiagnosticPropertyKeys.TemplateName, out string? templateName) || templateName is null)
            {
                return null;
            }

            return TemplatesFileCache.LoadCatalog(project.AnalyzerOptions, cancellationToken).FindByName(className, templateName);
        }

        private static bool HasUsing(CompilationUnitSyntax unit, string ns)
            => unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns);

        /// <summary>Everything the rewrite needs, read from the semantic model before the document changes.</summary>
        private sealed class TypedSend
        {
            private TypedSend(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, string methodName, List<ArgumentSyntax> arguments, string? namespaceToImport)
            {
                Invocation = invocation;
                Receiver = receiver;
                MethodName = methodName;
                Arguments = arguments;
                NamespaceToImport = namespaceToImport;
            }

            public InvocationExpressionSyntax Invocation { get; }

            public ExpressionSyntax Receiver { get; }

            public string MethodName { get; }

            public List<ArgumentSyntax> Arguments { get; }

            /// <summary>The generated class's namespace when the call site does not see the extension method yet.</summary>
            public string? NamespaceToImport { get; }

            public InvocationExpressionSyntax BuildInvocation()
                => SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        Receiver.WithoutTrivia(),
                        SyntaxFactory.IdentifierName(MethodName)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(Arguments)));

            public static TypedSend? TryCreate(
                SemanticModel model, BaseObjectCreationExpressionSyntax creation, CatalogTemplate template, CancellationToken cancellationToken)
            {
                string className = template.ClassMetadataName;
                string methodName = template.Spec.MethodName;

                // client.SendAsync(new SmsMessage(...), ct): the creation is the first argument of a member call.
                if (creation.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                    || invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member
                    || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation send
                    || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation message
                    || model.Compilation.GetTypeByMetadataName(className) is not { } generatedClass)
                {
                    return null;
                }

                // A message with a key goes to the keyed send method, which takes the key after ext; the other has no key.
                RawSend raw = RawSend.Read(message);
                IOperation? mobile = raw.Mobile, variables = raw.Variables, ext = raw.Ext, key = raw.IdempotencyKey, cancellation = null;
                IMethodSymbol? method = generatedClass.GetMembers(methodName).OfType<IMethodSymbol>()
                    .FirstOrDefault(m => m.Parameters.Any(p => p.Name == GeneratedNames.IdempotencyKeyParameter) == (key is not null));
                if (method is null)
                {
                    return null;
                }

                foreach (IArgumentOperation argument in send.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 1 && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        cancellation = argument.Value;
                    }
                }

                InlineVariables? inline = variables is null ? null : InlineVariables.TryRead(variables);
                if (mobile is null || inline is null || !inline.IsComplete)
                {
                    return null;
                }

                // The typed method's parameters: mobile, then the variables in the template's order.
                var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(Expression(mobile)) };
                foreach (VariableSpec variable in template.Spec.Variables)
                {
                    if (inline.Find(variable.Name) is not { } entry)
                    {
                        return null;
                    }

                    ExpressionSyntax? value = variable.Type == VariableType.String
                        ? Expression(entry.Value)
                        : NumericLiteral(entry.Value, variable.Type);
                    if (value is null)
                    {
                        return null;
                    }

                    arguments.Add(SyntaxFactory.Argument(value));
                }

                IParameterSymbol? extParameter = method.Parameters.FirstOrDefault(p => p.Name == GeneratedNames.ExtParameter);
                IParameterSymbol? tokenParameter = method.Parameters.LastOrDefault(p => p.Type.Name == "CancellationToken");
                if (ext is not null || key is not null)
                {
                    if (extParameter is null)
                    {
                        return null;
                    }

                    // The keyed method's ext is required: null when the message set none (what it meant there too).
                    arguments.Add(SyntaxFactory.Argument(ext is null ? SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression) : Expression(ext)));
                }

                if (key is not null)
                {
                    arguments.Add(SyntaxFactory.Argument(Expression(key)));
                }

                if (cancellation is not null)
                {
                    if (tokenParameter is null)
                    {
                        return null;
                    }

                    ArgumentSyntax token = SyntaxFactory.Argument(Expression(cancellation));
                    arguments.Add(ext is null && key is null && extParameter is not null
                        ? token.WithNameColon(SyntaxFactory.NameColon(tokenParameter.Name))
                        : token);
                }

                // The extension method is visible when the generated namespace is imported (or encloses the call).
                ITypeSymbol? receiverType = model.GetTypeInfo(member.Expression, cancellationToken).Type;
                bool visible = receiverType is not null
                    && model.LookupSymbols(invocation.SpanStart, receiverType, methodName, includeReducedExtensionMethods: true)
                        .Any(s => SymbolEqualityComparer.Default.Equals(s.ContainingType, generatedClass));
                string? ns = visible || generatedClass.ContainingNamespace.IsGlobalNamespace
                    ? null
                    : generatedClass.ContainingNamespace.ToDisplayString();

                return new TypedSend(invocation, member.Expression, methodName, SeparateWithSpaces(arguments), ns);
            }

            private static List<ArgumentSyntax> SeparateWithSpaces(List<ArgumentSyntax> arguments)
            {
                // SeparatedList adds bare commas; a space after each keeps the usual layout.
                for (int i = 1; i < arguments.Count; i++)
                {
                    arguments[i] = arguments[i].WithLeadingTrivia(SyntaxFactory.Space);
                }

                return arguments;
            }

            private static ExpressionSyntax Expression(IOperation operation)
                => ((ExpressionSyntax)operation.Syntax).WithoutTrivia();

            private static ExpressionSyntax? NumericLiteral(IOperation value, VariableType type)
            {
                if (!ConstantValues.TryGetString(value, out string text))
                {
                    return null;
                }

                if (!ValueRules.IsInteger(text, type))
                {
                    return null;
                }

                // Parsed, not built: the literal gets the type (int, uint, long) and shape the compiler gives that text.
                long number = long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return SyntaxFactory.ParseExpression(number.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
