using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JuheSms.Generators.CodeFixes
{
    /// <summary>
    /// JSMS104: adds the missing variable to the inline dictionary, in the style of its other entries
    /// (<c>["minutes"] = ""</c> or <c>{ "minutes", "" }</c>). The value is an empty string: code that compiles and that
    /// the user fills in (a constant empty value may still break the variable's rules: JSMS102 then says so).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingVariableCodeFix)), Shared]
    public sealed class AddMissingVariableCodeFix : CodeFixProvider
    {
        /// <summary>The equivalence key: one FixAll adds every missing variable.</summary>
        public const string EquivalenceKey = "JSMS104_AddMissingVariable";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("JSMS104");

        /// <inheritdoc />
        /// <remarks>
        /// Not the batch fixer: two variables missing from one dictionary are two fixes inserting at the same place,
        /// which the batch fixer treats as conflicting. This one adds all the variables of each dictionary at once.
        /// </remarks>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (Read(root, diagnostic, out string name, out InitializerStyle style) is not { } creation)
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        CodeFixTitles.Format(CodeFixTitles.AddMissingVariable, name),
                        ct => FixAsync(document, creation, new[] { name }, style, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Every missing variable of one dictionary, in the order reported (the template's order).
            var byCreation = new Dictionary<BaseObjectCreationExpressionSyntax, (List<string> Names, InitializerStyle Style)>();
            foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (Read(root, diagnostic, out string name, out InitializerStyle style) is { } creation)
                {
                    if (!byCreation.TryGetValue(creation, out (List<string> Names, InitializerStyle Style) entry))
                    {
                        entry = (new List<string>(), style);
                        byCreation.Add(creation, entry);
                    }

                    if (!entry.Names.Contains(name))
                    {
                        entry.Names.Add(name);
                    }
                }
            }

            SyntaxNode newRoot = root.ReplaceNodes(
                byCreation.Keys,
                (original, rewritten) => AddEntries(rewritten, byCreation[original].Names, byCreation[original].Style));
            return document.WithSyntaxRoot(newRoot);
        }

        private static BaseObjectCreationExpressionSyntax? Read(SyntaxNode root, Diagnostic diagnostic, out string name, out InitializerStyle style)
        {
            style = InitializerStyle.Index;
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyKeys.VariableName, out string? variable) || variable is null)
            {
                name = string.Empty;
                return null;
            }

            name = variable;
            diagnostic.Properties.TryGetValue(DiagnosticPropertyKeys.InitializerStyle, out string? styleText);
            style = styleText == nameof(InitializerStyle.Collection) ? InitializerStyle.Collection : InitializerStyle.Index;

            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            return node as BaseObjectCreationExpressionSyntax;
        }

        private static async Task<Document> FixAsync(
            Document document, BaseObjectCreationExpressionSyntax creation, IReadOnlyList<string> names, InitializerStyle style, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            return document.WithSyntaxRoot(root.ReplaceNode(creation, AddEntries(creation, names, style)));
        }

        private static BaseObjectCreationExpressionSyntax AddEntries(BaseObjectCreationExpressionSyntax creation, IReadOnlyList<string> names, InitializerStyle style)
        {
            foreach (string name in names)
            {
                creation = AddEntry(creation, name, style);
            }

            return creation;
        }

        private static BaseObjectCreationExpressionSyntax AddEntry(BaseObjectCreationExpressionSyntax creation, string name, InitializerStyle style)
        {
            // Parsed, not built: the parser picks the initializer kind (an index entry makes an object initializer, a
            // { key, value } entry a collection initializer) and gives plain trivia, so the layout below is kept.
            string key = SyntaxFactory.Literal(name).Text;
            string entryText = style == InitializerStyle.Collection ? "{ " + key + ", \"\" }" : "[" + key + "] = \"\"";
            var parsed = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new T() { " + entryText + " }");
            InitializerExpressionSyntax parsedInitializer = parsed.Initializer!;
            ExpressionSyntax entry = parsedInitializer.Expressions[0].WithoutTrivia();

            if (creation.Initializer is { Expressions.Count: 0 } empty)
            {
                // { }: take the parsed initializer (its kind follows the entry's style), keep the braces' layout.
                return creation.WithInitializer(parsedInitializer
                    .WithOpenBraceToken(parsedInitializer.OpenBraceToken.WithTriviaFrom(empty.OpenBraceToken))
                    .WithExpressions(Append(empty, entry))
                    .WithCloseBraceToken(parsedInitializer.CloseBraceToken.WithTriviaFrom(empty.CloseBraceToken)));
            }

            return creation.Initializer is { } initializer
                ? creation.WithInitializer(initializer.WithExpressions(Append(initializer, entry)))
                : creation.WithoutTrailingTrivia()
                    .WithInitializer(parsedInitializer
                        .WithOpenBraceToken(parsedInitializer.OpenBraceToken.WithLeadingTrivia(SyntaxFactory.Space))
                        .WithExpressions(SyntaxFactory.SingletonSeparatedList(entry.WithTrailingTrivia(SyntaxFactory.Space))))
                    .WithTrailingTrivia(creation.GetTrailingTrivia());
        }

        /// <summary>
        /// Adds <paramref name="entry"/> after the last entry, keeping the initializer's layout: one line stays one line,
        /// one entry per line stays so (same indentation), a trailing comma stays trailing.
        /// </summary>
        private static SeparatedSyntaxList<ExpressionSyntax> Append(InitializerExpressionSyntax initializer, ExpressionSyntax entry)
        {
            var nodes = new List<ExpressionSyntax>(initializer.Expressions);
            var separators = new List<SyntaxToken>(initializer.Expressions.GetSeparators());
            if (nodes.Count == 0)
            {
                bool spaced = initializer.OpenBraceToken.TrailingTrivia.Count > 0;
                nodes.Add(spaced ? entry.WithTrailingTrivia(SyntaxFactory.Space) : entry);
                return SyntaxFactory.SeparatedList(nodes, separators);
            }

            ExpressionSyntax last = nodes[nodes.Count - 1];
            if (separators.Count == nodes.Count)
            {
                // { a, b, }: the old trailing comma now separates; a new one trails the new entry.
                SyntaxToken trailingComma = separators[separators.Count - 1];
                nodes.Add(entry.WithLeadingTrivia(last.GetLeadingTrivia()));
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailingComma.TrailingTrivia));
            }
            else
            {
                SyntaxTriviaList trailing = last.GetTrailingTrivia();
                nodes[nodes.Count - 1] = last.WithTrailingTrivia();
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken)
                    .WithTrailingTrivia(trailing.Count > 0 ? trailing : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                nodes.Add(entry.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(trailing));
            }

            return SyntaxFactory.SeparatedList(nodes, separators);
        }
    }
}
