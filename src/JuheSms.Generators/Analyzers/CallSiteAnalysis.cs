using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using JuheSms.Generators.Diagnostics;
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
        private readonly HashSet<TemplateInfo> _withTypedMethod = new HashSet<TemplateInfo>();

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

                var byMethod = new Dictionary<string, TemplateInfo>(System.StringComparer.Ordinal);
                foreach (TemplateInfo template in catalog.TemplatesOf(className))
                {
                    byMethod[template.SendMethodName] = template;
                    foreach (INamedTypeSymbol nested in generatedClass.GetTypeMembers(template.TypeName))
                    {
                        _generatedTypes[nested] = new GeneratedType(template, null);
                    }
                }

                _generatedTypes[generatedClass] = new GeneratedType(null, byMethod);
                foreach (TemplateInfo template in byMethod.Values)
                {
                    if (!generatedClass.GetMembers(template.SendMethodName).IsEmpty)
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

            TemplateInfo? template = generated.Template;
            if (template is null && (generated.ByMethod is null || !generated.ByMethod.TryGetValue(method.Name, out template)))
            {
                return;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
                {
                    // An omitted optional argument (ext = null): nothing written, nothing to point at.
                    continue;
                }

                string parameterName = argument.Parameter.Name;
                VariableInfo? variable = template.FindParameter(parameterName);
                if (variable is not null)
                {
                    CheckTypedValue(context, argument.Value, variable, template);
                }
                else if (parameterName == "mobile")
                {
                    CheckMobile(context, argument.Value);
                }
                else if (parameterName == "ext")
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

            TemplateInfo? template = null;
            if (tplId is not null && ConstantValues.TryGetInteger(tplId, out long id))
            {
                template = _catalog.FindByTplId(id);
                if (template is null && _catalog.HasTemplatesFile)
                {
                    Report(context, DiagnosticDescriptors.UnknownTemplateOrVariable, tplId,
                        "tpl_id " + id.ToString(CultureInfo.InvariantCulture) + " is in no templates file");
                }
            }

            InlineVariables? inline = variables is null ? null : InlineVariables.TryRead(variables);
            if (inline is null || variables is null)
            {
                return;
            }

            bool matchesTemplate = true;
            foreach (InlineVariable entry in inline.Entries)
            {
                VariableInfo? variable = null;
                if (template is not null && entry.ConstantName is not null)
                {
                    variable = template.FindVariable(entry.ConstantName);
                    if (variable is null)
                    {
                        matchesTemplate = false;
                        Report(context, DiagnosticDescriptors.UnknownTemplateOrVariable, entry.Key,
                            "Template '" + template.Name + "' (tpl_id " + template.TplId.ToString(CultureInfo.InvariantCulture)
                            + ") has no variable '" + entry.ConstantName + "'");
                    }
                }

                if (ConstantValues.TryGetString(entry.Value, out string value))
                {
                    ReportValueProblem(context, ValueRules.CheckString(value, variable), entry.Value,
                        entry.ConstantName ?? "?", Quote(value), template);
                }
            }

            if (template is null || !inline.IsComplete)
            {
                return;
            }

            HashSet<string> given = inline.Names();
            foreach (VariableInfo variable in template.Variables)
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
                        template.Name,
                        template.TplId.ToString(CultureInfo.InvariantCulture),
                        variable.Name));
                }
            }

            if (matchesTemplate && IsSentDirectly(creation) && HasTypedMethod(template))
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticPropertyKeys.TypedMethodClass, template.ClassMetadataName)
                    .Add(DiagnosticPropertyKeys.TypedMethodName, template.SendMethodName)
                    .Add(DiagnosticPropertyKeys.VariableNames, string.Join(DiagnosticPropertyKeys.ListSeparator.ToString(), template.Variables.Select(v => v.Name)))
                    .Add(DiagnosticPropertyKeys.VariableKinds, string.Join(DiagnosticPropertyKeys.ListSeparator.ToString(), template.Variables.Select(v => v.Kind.ToString())));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UseTypedMethod,
                    creation.Syntax.GetLocation(),
                    properties,
                    template.Name,
                    ShortName(template.ClassMetadataName),
                    template.SendMethodName));
            }
        }

        private void CheckTypedValue(OperationAnalysisContext context, IOperation value, VariableInfo variable, TemplateInfo template)
        {
            if (ConstantValues.TryGetString(value, out string text))
            {
                ReportValueProblem(context, ValueRules.CheckString(text, variable), value, variable.Name, Quote(text), template);
            }
            else if (variable.Kind != VariableKind.String && ConstantValues.TryGetInteger(value, out long number))
            {
                ReportValueProblem(context, ValueRules.CheckInteger(number, variable), value, variable.Name,
                    number.ToString(CultureInfo.InvariantCulture), template);
            }
        }

        private static void ReportValueProblem(
            OperationAnalysisContext context, ValueProblem problem, IOperation at, string variableName, string shownValue, TemplateInfo? template)
        {
            switch (problem.Kind)
            {
                case ValueProblemKind.UnsafeCharacter:
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UnsafeVariableValue,
                        at.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyKeys.VariableName, variableName),
                        variableName,
                        problem.Detail));
                    break;
                case ValueProblemKind.VariableRule:
                    Report(context, DiagnosticDescriptors.VariableRuleViolated, at, shownValue, variableName, template?.Name ?? "?", problem.Detail);
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
        private bool IsSentDirectly(IObjectCreationOperation creation)
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
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(receiverType, _client)
                || receiverType.AllInterfaces.Contains(_client, SymbolEqualityComparer.Default);
        }

        private bool HasTypedMethod(TemplateInfo template) => _withTypedMethod.Contains(template);

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
            public GeneratedType(TemplateInfo? template, Dictionary<string, TemplateInfo>? byMethod)
            {
                Template = template;
                ByMethod = byMethod;
            }

            /// <summary>Set for a nested per-template class.</summary>
            public TemplateInfo? Template { get; }

            /// <summary>Set for the generated class: its send methods.</summary>
            public Dictionary<string, TemplateInfo>? ByMethod { get; }
        }
    }
}
