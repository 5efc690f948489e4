using System;
using System.Diagnostics;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace JuheSms.Http
{
    /// <summary>
    /// Tells, for the log, which handler sent a request again. Only called when a repeat was stopped (the stack walk costs
    /// tens of microseconds). A retry resumes an async method (the retrying handler's own, or that of the resilience
    /// library it calls back into) and calls down the chain synchronously to <see cref="JuheSmsOneRequestHandler"/>. So,
    /// walking up from it: the first resumed frame (a state machine's <c>MoveNext</c> not started by its builder) is where
    /// the retry came from; when that is itself a message handler it is the one, otherwise (Polly's retry strategies) it
    /// is the last handler passed below it, the one whose callback the library runs. The factory's plumbing, which
    /// forwards but never repeats, does not count.
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
                string? lastHandler = null;
                for (int i = 0; i < frames.Length; i++)
                {
                    MethodBase? method = frames[i].GetMethod();
                    string? handler = HandlerName(Unwrap(method?.DeclaringType));
                    if (method is not null && method.Name == "MoveNext" && !IsBuilderStart(i + 1 < frames.Length ? frames[i + 1].GetMethod() : null))
                    {
                        return handler ?? lastHandler;
                    }

                    lastHandler = handler ?? lastHandler;
                }

                return lastHandler;
            }
            catch (Exception)
            {
                // Metadata may be trimmed away; the name is a courtesy of the log, never a reason to fail.
                return null;
            }
        }

        /// <summary>The name of a message handler that may have retried, or null for any other type.</summary>
        private static string? HandlerName(Type? type)
        {
            if (type is null || type == typeof(JuheSmsOneRequestHandler) || !typeof(HttpMessageHandler).IsAssignableFrom(type))
            {
                return null;
            }

            string name = type.FullName ?? type.Name;
            return Array.IndexOf(Plumbing, name) < 0 ? name : null;
        }

        /// <summary>True for <c>AsyncMethodBuilderCore.Start</c>: the frame below it is an async method's first, synchronous run.</summary>
        private static bool IsBuilderStart(MethodBase? caller)
            => caller is not null && caller.Name == "Start" && caller.DeclaringType?.Namespace == "System.Runtime.CompilerServices";

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
