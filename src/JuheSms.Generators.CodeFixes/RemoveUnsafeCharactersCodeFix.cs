using System.Collections.Immutable;
using System.Composition;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace JuheSms.Generators.CodeFixes
{
    /// <summary>
    /// JSMS101: removes the unsafe characters (<c>#</c>, <c>【</c>, <c>】</c>, control characters: SmsRules) from a
    /// variable value. Offered only when the value is one string literal: a const or a concatenation is defined
    /// elsewhere, and editing it could change other uses.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUnsafeCharactersCodeFix)), Shared]
    public sealed class RemoveUnsafeCharactersCodeFix : CodeFixProvider
    {
        /// <summary>The equivalence key: one FixAll for every JSMS101 literal.</summary>
        public const string EquivalenceKey = "JSMS101_RemoveUnsafeCharacters";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("JSMS101");

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
                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax argument)
                {
                    node = argument.Expression;
                }

                if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        CodeFixTitles.Format(CodeFixTitles.RemoveUnsafeCharacters),
                        ct => FixAsync(context.Document, literal, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, LiteralExpressionSyntax literal, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || literal.Token.Value is not string value)
            {
                return document;
            }

            var kept = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (!SmsRules.IsUnsafeValueChar(c))
                {
                    kept.Append(c);
                }
            }

            LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(
                    SyntaxKind.StringLiteralExpression,
                    SyntaxFactory.Literal(kept.ToString()))
                .WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
