using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using JuheSms.Generators.Diagnostics;
using JuheSms.Generators.Model;
using JuheSms.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The rules of <see cref="SmsCallSiteAnalyzer"/> for one compilation: the runtime's types and the generated classes
    /// resolved once at compilation start, immutable afterwards (the operation actions run concurrently).
    /// </summary>
    internal sealed class CallSiteAnalysis
    {
        private readonly INamedTypeSymbol _smsMessage;
        private readonly INamedTypeSymbol _client;
        private readonly TemplateCatalog _catalog;

        // The generated classes and their nested per-template classes, so that an invocation is matched by one lookup.
        private readonly Dictionary<INamedTypeSymbol, GeneratedType> _generatedTypes =
            new Dictionary<INamedTypeSymbol, GeneratedType>(SymbolEqualityComparer.Default);

        // The templates whose Send{Name}Async exists in this compilation (JSMS106 only suggests what compiles).
        private readonly HashSet<CatalogTemplate> _withTypedMethod = new HashSet<CatalogTemplate>();

        public CallSiteAnalysis(Compilation compilation, INamedTypeSymbol smsMessage, INamedTypeSymbol client, TemplateCatalog catalog)
        {
            _smsMessage = smsMessage;
            _client = client;
            _catalog = catalog;

            foreach (string className in catalog.ClassMetadataNames)
            {
                INamedTypeSymbol? generatedClass = compilation.GetTypeByMetadataName(className);
                if (generatedClass is null)
                {
                    continue;
                }

                var byMethod = new Dictionary<string, CatalogTemplate>(System.StringComparer.Ordinal);
                foreach (CatalogTemplate template in catalog.TemplatesOf(className))
                {
                    byMethod[template.Spec.MethodName] = template;
                    foreach (INamedTypeSymbol nested in generatedClass.GetTypeMembers(template.Spec.TypeName))
                    {
                        _generatedTypes[nested] = new GeneratedType(template, null);
                    }
                }

                _generatedTypes[generatedClass] = new GeneratedType(null, byMethod);
                foreach (CatalogTemplate template in byMethod.Values)
                {
                    if (!generatedClass.GetMembers(template.Spec.MethodName).IsEmpty)
                    {
                        _withTypedMethod.Add(template);
                    }
                }
            }
        }

        /// <summary>A typed method call: <c>client.SendVerificationCodeAsync(mobile, code, minutes, ext)</c>, and the nested <c>Render</c>/<c>CreateMessage</c>.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (method.ContainingType is not { } containingType
                || !_generatedTypes.TryGetValue(containingType.OriginalDefinition, out GeneratedType generated))
            {
                return;
            }

            CatalogTemplate? template = generated.Template;
            if (template is null && (generated.ByMethod is null || !generated.ByMethod.TryGetValue(method.Name, out template)))
            {
                return;
            }

            if (IsInGeneratedClass(context.ContainingSymbol))
            {
                // The emitter's own call: the send method without a key passes its arguments on to the keyed one.
                return;
            }

            if (generated.Template is null && template.Spec.Kind == TemplateKind.Marketing)
            {
                // The typed send of a marketing template: one number per call (rule 4 wants batches).
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (containingType.GetTypeMembers(template.Spec.TypeName).FirstOrDefault() is { } templateClass)
                {
                    properties = properties.Add(DiagnosticPropertyKeys.TemplateClass, templateClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                }

                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MarketingSentSingly, invocation.Syntax.GetLocation(), properties, template.Spec.Name));
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
                {
                    // An omitted optional argument (ext = null): nothing written, nothing to point at.
                    continue;
                }

                string parameterName = argument.Parameter.Name;
                VariableSpec? variable = template.FindParameter(parameterName);
                if (variable is not null)
                {
                    CheckTypedValue(context, argument.Value, variable, template);
                }
                else if (parameterName == GeneratedNames.MobileParameter)
                {
                    CheckMobile(context, argument.Value);
                }
                else if (parameterName == GeneratedNames.ExtParameter)
                {
                    CheckExt(context, argument.Value);
                }
            }
        }

        /// <summary>A raw send: <c>new SmsMessage(mobile, tplId, variables) { Ext = ... }</c>.</summary>
        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, _smsMessage) || creation.Constructor is null || IsInGeneratedClass(context.ContainingSymbol))
            {
                return;
            }

            RawSend send = RawSend.Read(creation);
            IOperation? tplId = send.TplId, variables = send.Variables;
            if (send.Mobile is not null)
            {
                CheckMobile(context, send.Mobile);
            }

            if (send.Ext is not null)
            {
                CheckExt(context, send.Ext);
            }

            CatalogTemplate? template = null;
            if (tplId is not null && ConstantValues.TryGetInteger(tplId, out long id))
            {
                template = _catalog.FindByTplId(id);
                if (template is null && _catalog.HasTemplatesFile)
                {
                    Report(context, DiagnosticDescriptors.UnknownTplId, tplId, id.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (template is { Spec.Kind: TemplateKind.Marketing } && DirectSend(creation) is { } single)
            {
                Report(context, DiagnosticDescriptors.MarketingSentSingly, single, template.Spec.Name);
            }

            InlineVariables? inline = variables is null ? null : InlineVariables.TryRead(variables);
            if (inline is null || variables is null)
            {
                return;
            }

            bool matchesTemplate = true;
            foreach (InlineVariable entry in inline.Entries)
            {
                VariableSpec? variable = null;
                if (template is not null && entry.ConstantName is not null)
                {
                    variable = template.FindVariable(entry.ConstantName);
                    if (variable is null)
                    {
                        matchesTemplate = false;
                        Report(context, DiagnosticDescriptors.UnknownTemplateOrVariable, entry.Key,
                            template.Spec.Name, template.Spec.TplId.ToString(CultureInfo.InvariantCulture), entry.ConstantName);
                    }
                }

                if (ConstantValues.TryGetString(entry.Value, out string value))
                {
                    ReportValueProblem(context, ValueRules.CheckString(value, template, variable), entry.Value,
                        entry.ConstantName ?? "?", Quote(value), template);
                }
            }

            if (template is null || !inline.IsComplete)
            {
                return;
            }

            HashSet<string> given = inline.Names();
            foreach (VariableSpec variable in template.Spec.Variables)
            {
                if (!given.Contains(variable.Name))
                {
                    matchesTemplate = false;
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticPropertyKeys.VariableName, variable.Name)
                        .Add(DiagnosticPropertyKeys.InitializerStyle, inline.Style.ToString());
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.MissingVariable,
                        variables.Syntax.GetLocation(),
                        properties,
                        template.Spec.Name,
                        template.Spec.TplId.ToString(CultureInfo.InvariantCulture),
                        variable.Name));
                }
            }

            if (matchesTemplate && IsSentDirectly(creation) && HasTypedMethod(template))
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticPropertyKeys.TypedMethodClass, template.ClassMetadataName)
                    .Add(DiagnosticPropertyKeys.TemplateName, template.Spec.Name);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UseTypedMethod,
                    creation.Syntax.GetLocation(),
                    properties,
                    template.Spec.Name,
                    ShortName(template.ClassMetadataName),
                    template.Spec.MethodName));
            }
        }

        private void CheckTypedValue(OperationAnalysisContext context, IOperation value, VariableSpec variable, CatalogTemplate template)
        {
            if (ConstantValues.TryGetString(value, out string text))
            {
                ReportValueProblem(context, ValueRules.CheckString(text, template, variable), value, variable.Name, Quote(text), template);
            }
            else if (variable.Type != VariableType.String && ConstantValues.TryGetInteger(value, out long number))
            {
                ReportValueProblem(context, ValueRules.CheckInteger(number, template, variable), value, variable.Name,
                    number.ToString(CultureInfo.InvariantCulture), template);
            }
        }

        private static void ReportValueProblem(
            OperationAnalysisContext context, ValueProblem problem, IOperation at, string variableName, string shownValue, CatalogTemplate? template)
        {
            switch (problem.Kind)
            {
                case ValueProblemKind.UnsafeCharacter:
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UnsafeVariableValue,
                        at.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyKeys.VariableName, variableName),
                        variableName,
                        problem.Details[0]));
                    break;
                case ValueProblemKind.VariableRule:
                    var args = new object[3 + problem.Details.Length];
                    args[0] = shownValue;
                    args[1] = variableName;
                    args[2] = template?.Spec.Name ?? "?";
                    problem.Details.CopyTo(args, 3);
                    Report(context, problem.Descriptor!, at, args);
                    break;
            }
        }

        private static void CheckMobile(OperationAnalysisContext context, IOperation value)
        {
            if (ConstantValues.TryGetString(value, out string mobile) && !SmsRules.TryNormalizeMobile(mobile, out _))
            {
                Report(context, DiagnosticDescriptors.InvalidMobile, value, mobile);
            }
        }

        private static void CheckExt(OperationAnalysisContext context, IOperation value)
        {
            // null is "no ext" and fine; only a constant string can be judged.
            if (ConstantValues.TryGetString(value, out string ext) && !SmsRules.IsValidExt(ext))
            {
                Report(context, DiagnosticDescriptors.InvalidExt, value, ext);
            }
        }

        /// <summary>True for <c>client.SendAsync(new SmsMessage(...), ...)</c>: the only shape the JSMS106 fix rewrites.</summary>
        private bool IsSentDirectly(IObjectCreationOperation creation) => DirectSend(creation) is not null;

        /// <summary>The <c>client.SendAsync(...)</c> call that <paramref name="creation"/> is the message of, or null.</summary>
        private IInvocationOperation? DirectSend(IObjectCreationOperation creation)
        {
            IOperation? parent = creation.Parent;
            while (parent is IConversionOperation { IsImplicit: true })
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parent: IInvocationOperation send } argument
                || send.TargetMethod.Name != "SendAsync"
                || argument.Parameter is not { Ordinal: 0 } parameter
                || !SymbolEqualityComparer.Default.Equals(parameter.Type, _smsMessage)
                || send.Instance is not { Type: { } receiverType })
            {
                return null;
            }

            return SymbolEqualityComparer.Default.Equals(receiverType, _client)
                || receiverType.AllInterfaces.Contains(_client, SymbolEqualityComparer.Default)
                ? send
                : null;
        }

        private bool HasTypedMethod(CatalogTemplate template) => _withTypedMethod.Contains(template);

        private bool IsInGeneratedClass(ISymbol? symbol)
        {
            for (INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
            {
                if (_generatedTypes.ContainsKey(type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IOperation at, params object[] args)
            => context.ReportDiagnostic(Diagnostic.Create(descriptor, at.Syntax.GetLocation(), args));

        private static string Quote(string value) => "\"" + value + "\"";

        private static string ShortName(string metadataName)
        {
            int dot = metadataName.LastIndexOf('.');
            return dot >= 0 ? metadataName.Substring(dot + 1) : metadataName;
        }

        private readonly struct GeneratedType
        {
            public GeneratedType(CatalogTemplate? template, Dictionary<string, CatalogTemplate>? byMethod)
            {
                Template = template;
                ByMethod = byMethod;
            }

            /// <summary>Set for a nested per-template class.</summary>
            public CatalogTemplate? Template { get; }

            /// <summary>Set for the generated class: its send methods.</summary>
            public Dictionary<string, CatalogTemplate>? ByMethod { get; }
        }
    }
}
