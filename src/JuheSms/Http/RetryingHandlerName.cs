using System;
using System.Diagnostics;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace JuheSms.Http
{
    /// <summary>
    /// Tells, for the log, which handler sent a request again. Only called when a repeat was stopped (the stack walk costs
    /// tens of microseconds). A retry resumes in the retrying handler (or in the resilience library it calls back into),
    /// which then calls down the chain synchronously to <see cref="JuheSmsOneRequestHandler"/>: so the outermost message
    /// handler on the current stack, not counting the factory's own plumbing, is the one that retried.
    /// </summary>
    internal static class RetryingHandlerName
    {
        /// <summary>Handlers of <c>IHttpClientFactory</c> and the base classes, which forward but never repeat a request.</summary>
        private static readonly string[] Plumbing =
        {
            "System.Net.Http.DelegatingHandler",
            "System.Net.Http.HttpMessageHandler",
            "System.Net.Http.HttpMessageInvoker",
            "System.Net.Http.HttpClient",
            "Microsoft.Extensions.Http.LifetimeTrackingHttpMessageHandler",
            "Microsoft.Extensions.Http.Logging.LoggingScopeHttpMessageHandler",
            "Microsoft.Extensions.Http.Logging.LoggingHttpMessageHandler",
        };

        /// <summary>The full type name of the handler that repeated the request, or null when the stack does not tell.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string? Find()
        {
            try
            {
                StackFrame[] frames = new StackTrace(1, fNeedFileInfo: false).GetFrames() ?? Array.Empty<StackFrame>();
                string? outermost = null;
                foreach (StackFrame frame in frames)
                {
                    Type? type = Unwrap(frame.GetMethod()?.DeclaringType);
                    if (type is null || type == typeof(JuheSmsOneRequestHandler) || !typeof(HttpMessageHandler).IsAssignableFrom(type))
                    {
                        continue;
                    }

                    string name = type.FullName ?? type.Name;
                    if (Array.IndexOf(Plumbing, name) < 0)
                    {
                        outermost = name;
                    }
                }

                return outermost;
            }
            catch (Exception)
            {
                // Metadata may be trimmed away; the name is a courtesy of the log, never a reason to fail.
                return null;
            }
        }

        /// <summary>The type that declares a lambda or async state machine, rather than the compiler's nested class.</summary>
        private static Type? Unwrap(Type? type)
        {
            while (type is not null && type.DeclaringType is not null && type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                type = type.DeclaringType;
            }

            return type;
        }
    }
}
