using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace JuheSms.Generators.CodeFixes
{
    /// <summary>
    /// JSMS108: a marketing template sent one number at a time in a loop becomes one batch. The shape it rewrites is a
    /// <c>foreach</c> over strings whose whole body is <c>await</c> of the send, with the loop variable as the number:
    /// <c>foreach (var m in mobiles) await client.SendPromotionAsync(m, name, ct);</c> becomes
    /// <c>await client.SendManyAsync(mobiles, m =&gt; SmsTemplates.Promotion.CreateMessage(m, name), cancellationToken: ct);</c>
    /// and <c>foreach (var m in mobiles) await client.SendAsync(new SmsMessage(m, ...), ct);</c> becomes
    /// <c>await client.SendManyAsync(mobiles, m =&gt; new SmsMessage(m, ...), cancellationToken: ct);</c>. The lambda's
    /// parameter keeps the loop variable's name, so every other argument means what it meant. Any other shape (a single
    /// send outside a loop, a loop doing more than the send, a typed send with an idempotency key) has no mechanical
    /// rewrite: the warning stays, without a fix. (A raw message keeps its <c>IdempotencyKey = ...</c> in the lambda.)
    /// The batch returns a result per number instead of throwing at the first failure, which the title says.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SendManyCodeFix)), Shared]
    public sealed class SendManyCodeFix : CodeFixProvider
    {
        /// <summary>The equivalence key: one FixAll for every JSMS108 loop.</summary>
        public const string EquivalenceKey = "JSMS108_SendMany";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("JSMS108");

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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                    || Loop.TryRead(model, invocation, diagnostic.Properties, context.CancellationToken) is not { } loop)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        CodeFixTitles.Format(CodeFixTitles.SendMany),
                        ct => FixAsync(context.Document, loop, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, Loop loop, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(loop.ForEach, loop.BuildBatch()));
        }

        /// <summary>The loop and the parts of its send, read before the document changes.</summary>
        private sealed class Loop
        {
            private Loop(ForEachStatementSyntax forEach, ExpressionSyntax receiver, ExpressionSyntax createMessage, ExpressionSyntax? cancellationToken)
            {
                ForEach = forEach;
                Receiver = receiver;
                CreateMessage = createMessage;
                CancellationToken = cancellationToken;
            }

            public ForEachStatementSyntax ForEach { get; }

            public ExpressionSyntax Receiver { get; }

            /// <summary>The message of one number: <c>Template.CreateMessage(m, ...)</c> or the raw <c>new SmsMessage(m, ...)</c>.</summary>
            public ExpressionSyntax CreateMessage { get; }

            public ExpressionSyntax? CancellationToken { get; }

            public StatementSyntax BuildBatch()
            {
                var arguments = new List<ArgumentSyntax>
                {
                    SyntaxFactory.Argument(ForEach.Expression.WithoutTrivia()),
                    SyntaxFactory.Argument(SyntaxFactory.SimpleLambdaExpression(
                        SyntaxFactory.Parameter(ForEach.Identifier.WithoutTrivia()),
                        CreateMessage.WithoutTrivia())),
                };
                if (CancellationToken is not null)
                {
                    arguments.Add(SyntaxFactory.Argument(CancellationToken.WithoutTrivia())
                        .WithNameColon(SyntaxFactory.NameColon("cancellationToken")));
                }

                InvocationExpressionSyntax sendMany = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver.WithoutTrivia(), SyntaxFactory.IdentifierName("SendManyAsync")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
                return SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(sendMany))
                    .WithTriviaFrom(ForEach)
                    .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
            }

            public static Loop? TryRead(SemanticModel model, InvocationExpressionSyntax invocation, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
            {
                if (invocation.Parent is not AwaitExpressionSyntax { Parent: ExpressionStatementSyntax statement }
                    || LoopOf(statement) is not { } forEach
                    || invocation.Expression is not MemberAccessExpressionSyntax { } access
                    || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                    || model.GetForEachStatementInfo(forEach).ElementType?.SpecialType != SpecialType.System_String)
                {
                    return null;
                }

                string loopVariable = forEach.Identifier.ValueText;
                ExpressionSyntax? token = null;
                var messageArguments = new List<ArgumentSyntax>();
                foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
                {
                    IParameterSymbol? parameter = ParameterOf(method, invocation, argument);
                    if (parameter is null)
                    {
                        return null;
                    }

                    if (parameter.Name == GeneratedNames.IdempotencyKeyParameter)
                    {
                        // A key per number: a batch would key each number {BatchId}:{mobile} instead, which is not what
                        // the loop's keys are (a campaign run again after the rewrite would send the numbers done before).
                        return null;
                    }

                    if (parameter.Type.Name == nameof(System.Threading.CancellationToken))
                    {
                        token = argument.Expression;
                    }
                    else
                    {
                        messageArguments.Add(argument);
                    }
                }

                if (properties.TryGetValue(DiagnosticPropertyKeys.TemplateClass, out string? templateClass) && templateClass is not null)
                {
                    // The typed send: its first argument is the number, the loop variable; the rest go to CreateMessage.
                    if (messageArguments.Count == 0 || !IsLoopVariable(messageArguments[0].Expression, loopVariable))
                    {
                        return null;
                    }

                    ExpressionSyntax create = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.ParseExpression(templateClass + ".CreateMessage").WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(messageArguments.Select(a => a.WithoutTrivia()))));
                    return new Loop(forEach, access.Expression, create, token);
                }

                // The raw send: SendAsync(new SmsMessage(loopVariable, ...) { ... }, ct).
                if (invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is BaseObjectCreationExpressionSyntax creation
                    && creation.ArgumentList?.Arguments.FirstOrDefault() is { NameColon: null } mobile
                    && IsLoopVariable(mobile.Expression, loopVariable))
                {
                    return new Loop(forEach, access.Expression, creation, token);
                }

                return null;
            }

            // The loop whose whole body is this statement (alone, or alone in a block); not `await foreach`.
            private static ForEachStatementSyntax? LoopOf(ExpressionStatementSyntax statement)
            {
                SyntaxNode? parent = statement.Parent;
                if (parent is BlockSyntax { Statements.Count: 1 } block)
                {
                    parent = block.Parent;
                }

                return parent is ForEachStatementSyntax { AwaitKeyword.RawKind: 0 } forEach ? forEach : null;
            }

            private static bool IsLoopVariable(ExpressionSyntax expression, string loopVariable)
                => expression is IdentifierNameSyntax { Identifier.ValueText: { } name } && name == loopVariable;

            private static IParameterSymbol? ParameterOf(IMethodSymbol method, InvocationExpressionSyntax invocation, ArgumentSyntax argument)
            {
                if (argument.NameColon is { } name)
                {
                    return method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText);
                }

                int index = invocation.ArgumentList.Arguments.IndexOf(argument);
                return index < method.Parameters.Length ? method.Parameters[index] : null;
            }
        }
    }
}
