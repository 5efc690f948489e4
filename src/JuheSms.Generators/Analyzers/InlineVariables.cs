using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>How the entries of an inline dictionary are written; the JSMS104 fixer adds an entry in the same style.</summary>
    internal enum InitializerStyle
    {
        /// <summary>No entries (or an empty initializer): the fixer uses the index style.</summary>
        None = 0,

        /// <summary><c>{ ["code"] = "1234" }</c>.</summary>
        Index = 1,

        /// <summary><c>{ { "code", "1234" } }</c>.</summary>
        Collection = 2,
    }

    /// <summary>One <c>name → value</c> entry of an inline variables dictionary.</summary>
    internal readonly struct InlineVariable
    {
        public InlineVariable(IOperation key, IOperation value, string? constantName)
        {
            Key = key;
            Value = value;
            ConstantName = constantName;
        }

        /// <summary>The key as written (<c>"code"</c>, a const, <c>nameof(code)</c>...).</summary>
        public IOperation Key { get; }

        /// <summary>The value as written.</summary>
        public IOperation Value { get; }

        /// <summary>The key's constant value, or null when the key is not a constant string.</summary>
        public string? ConstantName { get; }
    }

    /// <summary>
    /// The variables dictionary of a raw send (<c>new SmsMessage(mobile, tplId, variables)</c>) when it is created right
    /// there: <c>new Dictionary&lt;string, string&gt; { ["code"] = c }</c> or <c>{ { "code", c } }</c>.
    /// </summary>
    internal sealed class InlineVariables
    {
        private InlineVariables(IObjectCreationOperation creation, ImmutableArray<InlineVariable> entries, InitializerStyle style, bool isComplete)
        {
            Creation = creation;
            Entries = entries;
            Style = style;
            IsComplete = isComplete;
        }

        /// <summary>The dictionary creation.</summary>
        public IObjectCreationOperation Creation { get; }

        /// <summary>The entries that could be read, in source order.</summary>
        public ImmutableArray<InlineVariable> Entries { get; }

        /// <summary>The style of the first entry.</summary>
        public InitializerStyle Style { get; }

        /// <summary>
        /// True when <see cref="Entries"/> is every entry the dictionary will hold, each with a constant key: only then can
        /// a missing variable (JSMS104) be reported, or the send be rewritten to the typed method (JSMS106).
        /// </summary>
        public bool IsComplete { get; }

        /// <summary>Reads the dictionary passed as <paramref name="argument"/>, or null when it is not created inline.</summary>
        public static InlineVariables? TryRead(IOperation argument)
        {
            IOperation operation = argument;
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is not IObjectCreationOperation creation)
            {
                return null;
            }

            // new Dictionary<string, string>(source) copies entries the analyzer cannot see; a capacity or a comparer
            // adds none.
            bool isComplete = true;
            foreach (IArgumentOperation ctorArgument in creation.Arguments)
            {
                ITypeSymbol? type = ctorArgument.Parameter?.Type;
                if (type is null || !(type.SpecialType == SpecialType.System_Int32 || type.Name == "IEqualityComparer"))
                {
                    isComplete = false;
                }
            }

            var entries = ImmutableArray.CreateBuilder<InlineVariable>();
            InitializerStyle style = InitializerStyle.None;
            if (creation.Initializer is { } initializer)
            {
                foreach (IOperation element in initializer.Initializers)
                {
                    if (TryReadElement(element, out InlineVariable entry, out InitializerStyle elementStyle))
                    {
                        entries.Add(entry);
                        if (style == InitializerStyle.None)
                        {
                            style = elementStyle;
                        }

                        if (entry.ConstantName is null)
                        {
                            isComplete = false;
                        }
                    }
                    else
                    {
                        isComplete = false;
                    }
                }
            }

            return new InlineVariables(creation, entries.ToImmutable(), style, isComplete);
        }

        /// <summary>The entry of variable <paramref name="name"/> (the last one, as a dictionary keeps), or null.</summary>
        public InlineVariable? Find(string name)
        {
            for (int i = Entries.Length - 1; i >= 0; i--)
            {
                if (Entries[i].ConstantName == name)
                {
                    return Entries[i];
                }
            }

            return null;
        }

        /// <summary>The constant names present.</summary>
        public HashSet<string> Names()
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (InlineVariable entry in Entries)
            {
                if (entry.ConstantName is not null)
                {
                    names.Add(entry.ConstantName);
                }
            }

            return names;
        }

        private static bool TryReadElement(IOperation element, out InlineVariable entry, out InitializerStyle style)
        {
            // { ["code"] = value }: an assignment to the indexer.
            if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                && indexer.Arguments.Length == 1)
            {
                IOperation key = indexer.Arguments[0].Value;
                entry = new InlineVariable(key, assignment.Value, ConstantName(key));
                style = InitializerStyle.Index;
                return true;
            }

            // { "code", value }: an implicit call of Add(key, value).
            if (element is IInvocationOperation { TargetMethod.Name: "Add" } add && add.Arguments.Length == 2)
            {
                IOperation key = ArgumentFor(add, 0);
                IOperation value = ArgumentFor(add, 1);
                entry = new InlineVariable(key, value, ConstantName(key));
                style = InitializerStyle.Collection;
                return true;
            }

            entry = default;
            style = InitializerStyle.None;
            return false;
        }

        private static IOperation ArgumentFor(IInvocationOperation invocation, int ordinal)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return invocation.Arguments[ordinal].Value;
        }

        private static string? ConstantName(IOperation key)
            => ConstantValues.TryGetString(key, out string name) ? name : null;
    }
}
