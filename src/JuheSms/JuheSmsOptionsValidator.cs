using System;
using System.Collections.Generic;
using JuheSms.Internal;
using Microsoft.Extensions.Options;

namespace JuheSms
{
    /// <summary>
    /// Checks <see cref="JuheSmsOptions"/>; every failure names the bad setting (for example <c>JuheSmsOptions.Key</c>).
    /// Registered by <c>AddJuheSms</c>, and used by <see cref="JuheSmsClient"/> itself on its first send.
    /// </summary>
    public sealed class JuheSmsOptionsValidator : IValidateOptions<JuheSmsOptions>
    {
        private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);
        private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

        /// <inheritdoc />
        public ValidateOptionsResult Validate(string? name, JuheSmsOptions options)
        {
            IReadOnlyList<string> failures = GetFailures(options);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>The failures of <paramref name="options"/>, one message per bad setting; empty when they are valid.</summary>
        public static IReadOnlyList<string> GetFailures(JuheSmsOptions? options)
        {
            var failures = new List<string>();
            if (options is null)
            {
                failures.Add("JuheSmsOptions are missing.");
                return failures;
            }

            if (string.IsNullOrWhiteSpace(options.Key))
            {
                failures.Add(Strings.OptionsKeyRequired);
            }
            else if (HasWhiteSpaceOrControl(options.Key!))
            {
                // The key is never echoed: it is a secret.
                failures.Add(Strings.OptionsKeyWhiteSpace);
            }

            Uri? endpoint = options.Endpoint;
            if (endpoint is null)
            {
                failures.Add(Strings.OptionsEndpointRequired(JuheSmsOptions.DefaultEndpoint));
            }
            else if (!endpoint.IsAbsoluteUri)
            {
                failures.Add(Strings.OptionsEndpointRelative(endpoint.OriginalString, JuheSmsOptions.DefaultEndpoint));
            }
            else if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add(Strings.OptionsEndpointScheme(endpoint.Scheme));
            }
            else if (endpoint.Query.Length > 1)
            {
                // A query string is where a key ends up by mistake; the key belongs in JuheSmsOptions.Key, sent in the body.
                failures.Add(Strings.OptionsEndpointQuery);
            }

            if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
            {
                failures.Add(Strings.OptionsTimeout(MaxTimeout, options.Timeout));
            }

            if (!Enum.IsDefined(typeof(VariableEncoding), options.VariableEncoding))
            {
                failures.Add(Strings.OptionsVariableEncoding(options.VariableEncoding));
            }

            if (!Enum.IsDefined(typeof(SmsMarketingBatchRule), options.MarketingBatchRule))
            {
                failures.Add(Internal.Strings.MarketingBatchRuleUndefined(options.MarketingBatchRule));
            }

            if (options.RetryOnRetryableErrors)
            {
                if (options.MaxRetries < 1 || options.MaxRetries > JuheSmsOptions.MaxRetriesLimit)
                {
                    failures.Add(Strings.OptionsMaxRetries(JuheSmsOptions.MaxRetriesLimit, options.MaxRetries));
                }

                if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > MaxRetryDelay)
                {
                    failures.Add(Strings.OptionsRetryDelay(MaxRetryDelay, options.RetryDelay));
                }
            }

            return failures;
        }

        /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure when <paramref name="options"/> are invalid.</summary>
        public static void ThrowIfInvalid(JuheSmsOptions? options)
        {
            IReadOnlyList<string> failures = GetFailures(options);
            if (failures.Count > 0)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(JuheSmsOptions), failures);
            }
        }

        private static bool HasWhiteSpaceOrControl(string value)
        {
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
