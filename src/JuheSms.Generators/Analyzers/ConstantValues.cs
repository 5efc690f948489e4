using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace JuheSms.Generators.Analyzers
{
    /// <summary>
    /// Reads the compile-time constant of an operation. <see cref="IOperation.ConstantValue"/> already folds literals,
    /// const fields and locals, concatenations of constants and constant interpolated strings; this also looks through
    /// conversions (an int constant passed to a long parameter, a constant cast to object) that carry no value themselves.
    /// </summary>
    internal static class ConstantValues
    {
        /// <summary>The constant value (null when the constant is <c>null</c>); false when the value is not constant.</summary>
        public static bool TryGet(IOperation? operation, out object? value)
        {
            while (operation is not null)
            {
                Optional<object?> constant = operation.ConstantValue;
                if (constant.HasValue)
                {
                    value = constant.Value;
                    return true;
                }

                if (operation is IConversionOperation conversion && !conversion.Conversion.IsUserDefined)
                {
                    operation = conversion.Operand;
                    continue;
                }

                if (operation is IParenthesizedOperation parenthesized)
                {
                    operation = parenthesized.Operand;
                    continue;
                }

                break;
            }

            value = null;
            return false;
        }

        /// <summary>A constant string (non-null); false for anything else.</summary>
        public static bool TryGetString(IOperation? operation, out string value)
        {
            if (TryGet(operation, out object? constant) && constant is string s)
            {
                value = s;
                return true;
            }

            value = string.Empty;
            return false;
        }

        /// <summary>A constant integral number (any integral type, widened to long); false for anything else.</summary>
        public static bool TryGetInteger(IOperation? operation, out long value)
        {
            value = 0;
            if (!TryGet(operation, out object? constant) || constant is null)
            {
                return false;
            }

            switch (constant)
            {
                case int i: value = i; return true;
                case long l: value = l; return true;
                case short s: value = s; return true;
                case sbyte sb: value = sb; return true;
                case byte b: value = b; return true;
                case ushort us: value = us; return true;
                case uint ui: value = ui; return true;
                case ulong ul when ul <= long.MaxValue: value = (long)ul; return true;
                default: return false;
            }
        }

        /// <summary>The operation below any implicit conversions: what the user wrote.</summary>
        public static IOperation WithoutImplicitConversions(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
