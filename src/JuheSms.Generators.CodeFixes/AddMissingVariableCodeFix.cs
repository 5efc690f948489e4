using System.Collections.Generic;
using System.Collections.Immutable;
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
        /// <summary>The equivalence key prefix; the variable name is appended so that FixAll adds the same variable everywhere.</summary>
        public const string EquivalenceKeyPrefix = "JSMS104_AddMissingVariable_";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("JSMS104");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
                if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyKeys.VariableName, out string? name) || name is null)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(DiagnosticPropertyKeys.InitializerStyle, out string? styleText);
                InitializerStyle style = styleText == nameof(InitializerStyle.Collection) ? InitializerStyle.Collection : InitializerStyle.Index;

                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax argument)
                {
                    node = argument.Expression;
                }

                if (node is not BaseObjectCreationExpressionSyntax creation)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add the variable '" + name + "'",
                        ct => FixAsync(context.Document, creation, name, style, ct),
                        EquivalenceKeyPrefix + name),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(
            Document document, BaseObjectCreationExpressionSyntax creation, string name, InitializerStyle style, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Parsed, not built: the parser picks the initializer kind (an index entry makes an object initializer, a
            // { key, value } entry a collection initializer) and gives plain trivia, so the layout below is kept.
            string key = SyntaxFactory.Literal(name).Text;
            string entryText = style == InitializerStyle.Collection ? "{ " + key + ", \"\" }" : "[" + key + "] = \"\"";
            var parsed = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new T() { " + entryText + " }");
            InitializerExpressionSyntax parsedInitializer = parsed.Initializer!;
            ExpressionSyntax entry = parsedInitializer.Expressions[0].WithoutTrivia();

            BaseObjectCreationExpressionSyntax fixedCreation = creation.Initializer is { } initializer
                ? creation.WithInitializer(initializer.WithExpressions(Append(initializer, entry)))
                : creation.WithoutTrailingTrivia()
                    .WithInitializer(parsedInitializer
                        .WithOpenBraceToken(parsedInitializer.OpenBraceToken.WithLeadingTrivia(SyntaxFactory.Space))
                        .WithExpressions(SyntaxFactory.SingletonSeparatedList(entry.WithTrailingTrivia(SyntaxFactory.Space))))
                    .WithTrailingTrivia(creation.GetTrailingTrivia());

            return document.WithSyntaxRoot(root.ReplaceNode(creation, fixedCreation));
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
