using System;
using System.Collections.Generic;
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
                failures.Add("JuheSmsOptions.Key is required: set it to the account's API key (personal centre -> my data).");
            }
            else if (HasWhiteSpaceOrControl(options.Key!))
            {
                // The key is never echoed: it is a secret.
                failures.Add("JuheSmsOptions.Key holds white space or control characters; an API key has none (check for a stray space or line break).");
            }

            Uri? endpoint = options.Endpoint;
            if (endpoint is null)
            {
                failures.Add("JuheSmsOptions.Endpoint is required: an absolute http or https URI such as " + JuheSmsOptions.DefaultEndpoint + ".");
            }
            else if (!endpoint.IsAbsoluteUri)
            {
                failures.Add($"JuheSmsOptions.Endpoint '{endpoint.OriginalString}' is a relative URI; it must be an absolute http or https URI such as {JuheSmsOptions.DefaultEndpoint}.");
            }
            else if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"JuheSmsOptions.Endpoint uses the scheme '{endpoint.Scheme}'; only http and https are supported.");
            }
            else if (endpoint.Query.Length > 1)
            {
                // A query string is where a key ends up by mistake; the key belongs in JuheSmsOptions.Key, sent in the body.
                failures.Add("JuheSmsOptions.Endpoint must not carry a query string; the client posts every field in the form body.");
            }

            if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
            {
                failures.Add($"JuheSmsOptions.Timeout must be positive and at most {MaxTimeout}; got {options.Timeout}.");
            }

            if (!Enum.IsDefined(typeof(VariableEncoding), options.VariableEncoding))
            {
                failures.Add($"JuheSmsOptions.VariableEncoding '{options.VariableEncoding}' is not one of Vars, TplValue.");
            }

            if (!Enum.IsDefined(typeof(SmsMarketingBatchRule), options.MarketingBatchRule))
            {
                failures.Add(Internal.SafeSendMessages.MarketingBatchRuleUndefined(options.MarketingBatchRule));
            }

            if (options.RetryOnRetryableErrors)
            {
                if (options.MaxRetries < 1 || options.MaxRetries > JuheSmsOptions.MaxRetriesLimit)
                {
                    failures.Add($"JuheSmsOptions.MaxRetries must be 1 to {JuheSmsOptions.MaxRetriesLimit} when RetryOnRetryableErrors is on; got {options.MaxRetries}.");
                }

                if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > MaxRetryDelay)
                {
                    failures.Add($"JuheSmsOptions.RetryDelay must be zero to {MaxRetryDelay}; got {options.RetryDelay}.");
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
