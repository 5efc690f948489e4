using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The parts of a raw send <c>new SmsMessage(mobile, tplId, variables) { Ext = ..., IdempotencyKey = ..., Kind = ... }</c> as written
    /// (arguments matched by parameter name, so named and reordered arguments read the same). Shared by the analyzer
    /// and the JSMS106 code fix.
    /// </summary>
    internal readonly struct RawSend
    {
        private RawSend(IOperation? mobile, IOperation? tplId, IOperation? variables, IOperation? ext, IOperation? idempotencyKey)
        {
            Mobile = mobile;
            TplId = tplId;
            Variables = variables;
            Ext = ext;
            IdempotencyKey = idempotencyKey;
        }

        public IOperation? Mobile { get; }

        public IOperation? TplId { get; }

        public IOperation? Variables { get; }

        /// <summary>The value of <c>Ext = ...</c> in the object initializer, or null.</summary>
        public IOperation? Ext { get; }

        /// <summary>The value of <c>IdempotencyKey = ...</c> in the object initializer, or null.</summary>
        public IOperation? IdempotencyKey { get; }

        public static RawSend Read(IObjectCreationOperation creation)
        {
            IOperation? mobile = null, tplId = null, variables = null, ext = null, idempotencyKey = null;
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "mobile": mobile = argument.Value; break;
                    case "tplId": tplId = argument.Value; break;
                    case "variables": variables = argument.Value; break;
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (IOperation member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: { } property } } assignment)
                    {
                        switch (property)
                        {
                            case "Ext": ext = assignment.Value; break;
                            case "IdempotencyKey": idempotencyKey = assignment.Value; break;
                        }
                    }
                }
            }

            return new RawSend(mobile, tplId, variables, ext, idempotencyKey);
        }
    }
}
