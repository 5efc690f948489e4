using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// The parts of a raw send <c>new SmsMessage(mobile, tplId, variables) { Ext = ..., Kind = ... }</c> as written
    /// (arguments matched by parameter name, so named and reordered arguments read the same). Shared by the analyzer
    /// and the JSMS106 code fix.
    /// </summary>
    internal readonly struct RawSend
    {
        private RawSend(IOperation? mobile, IOperation? tplId, IOperation? variables, IOperation? ext)
        {
            Mobile = mobile;
            TplId = tplId;
            Variables = variables;
            Ext = ext;
        }

        public IOperation? Mobile { get; }

        public IOperation? TplId { get; }

        public IOperation? Variables { get; }

        /// <summary>The value of <c>Ext = ...</c> in the object initializer, or null.</summary>
        public IOperation? Ext { get; }

        public static RawSend Read(IObjectCreationOperation creation)
        {
            IOperation? mobile = null, tplId = null, variables = null, ext = null;
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
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Ext" } } assignment)
                    {
                        ext = assignment.Value;
                    }
                }
            }

            return new RawSend(mobile, tplId, variables, ext);
        }
    }
}
