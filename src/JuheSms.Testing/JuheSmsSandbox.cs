using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Internal;
using JuheSms.Testing.Internal;

namespace JuheSms.Testing
{
    /// <summary>
    /// An in-process stand-in for the Juhe SMS send API (<c>v.juhe.cn/sms/send</c>): an <see cref="HttpMessageHandler"/>
    /// that checks requests the way the provider's page describes and answers in its JSON shape, so tests and samples need
    /// no account and no network. Thread-safe.
    /// </summary>
    /// <remarks>
    /// <para>Plug it in as the innermost handler: <c>new HttpClient(sandbox) { BaseAddress = new Uri("http://v.juhe.cn/") }</c>,
    /// or with dependency injection <c>services.AddJuheSms(...).ConfigurePrimaryHttpMessageHandler(() =&gt; sandbox)</c>.
    /// It stays usable after <see cref="HttpMessageHandler.Dispose()"/>, so the handler rotation of <c>IHttpClientFactory</c> does no harm.</para>
    /// <para>Only the path matters: any host is accepted, a path other than <c>…/sms/send</c> answers HTTP 404 (a client bug).</para>
    /// <para>A request is answered with HTTP 200 and <c>{"reason":"...","result":null,"error_code":N}</c> when it is refused,
    /// checked in this order:</para>
    /// <list type="number">
    /// <item>an error queued by <see cref="FailNext"/>;</item>
    /// <item>a method other than GET or POST → 205410;</item>
    /// <item><c>key</c> missing or not <see cref="Key"/> → 10001;</item>
    /// <item><c>mobile</c> missing or not a mainland China mobile number → 205401;</item>
    /// <item><c>tpl_id</c> missing, not a number or not registered → 205402;</item>
    /// <item><c>ext</c> present and not 1 to 9 digits → 205404 (an empty <c>ext</c> counts as absent);</item>
    /// <item>both <c>vars</c> and <c>tpl_value</c> (the page: one of the two), malformed <c>vars</c> JSON or <c>tpl_value</c>,
    /// or a placeholder of the template without a value → 205404 with a reason naming the problem
    /// (e.g. <c>发送失败，缺少变量 #code#</c>); variables the template does not use are ignored;</item>
    /// <item>the carriers' limits for one number and one signature (1 per minute, 3 per 10 minutes, 4 per hour, 20 per 24 hours,
    /// sliding windows on the <see cref="TimeProvider"/>) → 205405, unless <see cref="EnforceFrequencyLimits"/> is off.</item>
    /// </list>
    /// <para>Otherwise it renders the message, records a <see cref="SentSms"/> in <see cref="Sent"/> and answers
    /// <c>{"reason":"短信发送成功","result":{"count":1,"fee":F,"sid":"..."},"error_code":0}</c> where F is the billed
    /// segments of the message with its signature. A refused request is not recorded and does not count against the limits.</para>
    /// <para>Parameters are read from the query string and, for a POST with <c>Content-Type: application/x-www-form-urlencoded</c>,
    /// from the body (a body field wins over a query field of the same name). Any other body is ignored, as a form-reading server would.</para>
    /// <para>Signatures: a template whose text starts with <c>【…】</c> carries its own signature; any other template gets
    /// <see cref="Signature"/> prepended when a message is rendered.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var time = new FakeTimeProvider();
    /// var sandbox = new JuheSmsSandbox(timeProvider: time)
    ///     .RegisterTemplate(1, "您的验证码是#code#，5分钟内有效。");
    /// using var http = new HttpClient(sandbox) { BaseAddress = new Uri("http://v.juhe.cn/") };
    /// // ... send through the client under test with key JuheSmsSandbox.DefaultKey ...
    /// SentSms sms = Assert.Single(sandbox.Sent);
    /// Assert.Equal("【Sandbox】您的验证码是1234，5分钟内有效。", sms.Text);
    /// </code>
    /// </example>
    public sealed class JuheSmsSandbox : HttpMessageHandler
    {
        /// <summary>The key a sandbox made without one accepts: <c>sandbox-key</c>.</summary>
        public const string DefaultKey = "sandbox-key";

        /// <summary>The signature prepended to templates that have none of their own: <c>【Sandbox】</c>.</summary>
        public const string DefaultSignature = "【Sandbox】";

        private readonly object _gate = new object();
        private readonly SandboxProvider _provider;
        private readonly List<SentSms> _sent = new List<SentSms>();
        private readonly Queue<(int Code, string Reason)> _failures = new Queue<(int Code, string Reason)>();
        private int _requests;

        /// <summary>Creates a sandbox with no templates.</summary>
        /// <param name="key">The only <c>key</c> it accepts (anything else answers 10001).</param>
        /// <param name="timeProvider">The clock of the frequency limits and of <see cref="SentSms.Timestamp"/>; <see cref="TimeProvider.System"/> when null.
        /// Tests pass a <c>FakeTimeProvider</c> and advance it.</param>
        /// <exception cref="ArgumentException"><paramref name="key"/> is null or empty.</exception>
        public JuheSmsSandbox(string key = DefaultKey, TimeProvider? timeProvider = null)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException(TestingStrings.SandboxKeyEmpty, nameof(key));
            }

            _provider = new SandboxProvider(key, timeProvider);
        }

        /// <summary>The <c>key</c> this sandbox accepts.</summary>
        public string Key => _provider.Key;

        /// <summary>
        /// The signature (<c>【…】</c>) prepended to templates whose text has none of its own; <see cref="DefaultSignature"/> unless set.
        /// Read at each send. An empty string means no signature.
        /// </summary>
        /// <exception cref="ArgumentNullException">Set to null.</exception>
        public string Signature
        {
            get { lock (_gate) { return _provider.Signature; } }
            set
            {
                if (value is null)
                {
                    throw new ArgumentNullException(nameof(value));
                }

                lock (_gate)
                {
                    _provider.Signature = value;
                }
            }
        }

        /// <summary>
        /// Whether the carriers' per-number limits answer 205405 (default true). Turn off for a test that sends many
        /// messages to one number and is not about the limits.
        /// </summary>
        public bool EnforceFrequencyLimits
        {
            get { lock (_gate) { return _provider.EnforceFrequencyLimits; } }
            set { lock (_gate) { _provider.EnforceFrequencyLimits = value; } }
        }

        /// <summary>The accepted messages, oldest first: a snapshot, safe to enumerate while sends go on.</summary>
        public IReadOnlyList<SentSms> Sent
        {
            get { lock (_gate) { return _sent.ToArray(); } }
        }

        /// <summary>The last accepted message, or null when none was.</summary>
        public SentSms? LastSent
        {
            get { lock (_gate) { return _sent.Count == 0 ? null : _sent[_sent.Count - 1]; } }
        }

        /// <summary>How many requests reached the sandbox, accepted or not (a client's retries show here).</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>
        /// Registers (or replaces) an approved template. <paramref name="text"/> holds <c>#name#</c> placeholders
        /// (letters, digits, <c>_</c>), e.g. <c>您的验证码是#code#</c>; when it starts with <c>【…】</c> that is its signature,
        /// otherwise <see cref="Signature"/> is prepended.
        /// </summary>
        /// <returns>This sandbox, for chaining.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="tplId"/> is not positive.</exception>
        /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
        public JuheSmsSandbox RegisterTemplate(int tplId, string text)
        {
            SandboxTemplate.EnsureValidId(tplId);
            if (string.IsNullOrEmpty(text))
            {
                throw new ArgumentException(TestingStrings.TemplateTextEmpty, nameof(text));
            }

            lock (_gate)
            {
                _provider.Register(tplId, text);
            }

            return this;
        }

        /// <summary>
        /// Makes the next request answer <paramref name="errorCode"/> whatever it holds (nothing is recorded or counted).
        /// Calls queue up: each is used by one request, in order. Any code of the provider's page fits, e.g. 10001, 10012, 205409.
        /// </summary>
        /// <param name="errorCode">The <c>error_code</c> to answer; not 0.</param>
        /// <param name="reason">The <c>reason</c>; the page's wording for the code when null.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="errorCode"/> is 0 (success is not a failure).</exception>
        public void FailNext(int errorCode, string? reason = null)
        {
            if (errorCode == ProviderAnswer.Success)
            {
                throw new ArgumentOutOfRangeException(nameof(errorCode), errorCode, TestingStrings.FailNextSuccessCode);
            }

            lock (_gate)
            {
                _failures.Enqueue((errorCode, reason ?? ProviderAnswer.ReasonFor(errorCode)));
            }
        }

        /// <summary>
        /// Forgets the sent messages, the frequency history, queued <see cref="FailNext"/> errors and the <see cref="Requests"/> count.
        /// Templates, key, <see cref="Signature"/> and <see cref="EnforceFrequencyLimits"/> stay.
        /// </summary>
        public void Reset()
        {
            lock (_gate)
            {
                _sent.Clear();
                _provider.ClearLimits();
                _failures.Clear();
                Volatile.Write(ref _requests, 0);
            }
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            cancellationToken.ThrowIfCancellationRequested();
            byte[]? body = null;
            if (request.Content is not null && IsForm(request))
            {
#if NET5_0_OR_GREATER
                body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
                body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            }

            return Handle(request, body);
        }

#if NET5_0_OR_GREATER
        /// <inheritdoc />
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            cancellationToken.ThrowIfCancellationRequested();
            byte[]? body = null;
            if (request.Content is not null && IsForm(request))
            {
                using var stream = request.Content.ReadAsStream(cancellationToken);
                using var copy = new System.IO.MemoryStream();
                stream.CopyTo(copy);
                body = copy.ToArray();
            }

            return Handle(request, body);
        }
#endif

        private static bool IsForm(HttpRequestMessage request)
            => request.Method == HttpMethod.Post && SandboxProvider.IsFormMediaType(request.Content?.Headers.ContentType?.MediaType);

        private HttpResponseMessage Handle(HttpRequestMessage request, byte[]? formBody)
        {
            Interlocked.Increment(ref _requests);

            Uri? uri = request.RequestUri;
            string path = uri is null ? string.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
            if (!SandboxProvider.IsSendPath(path))
            {
                return ProviderAnswer.NotFound(request, $"JuheSmsSandbox serves only {SandboxProvider.SendPath}; the request went to '{path}'.");
            }

            string? query = uri is null ? null : uri.IsAbsoluteUri ? uri.Query : QueryOf(uri.OriginalString);
            Dictionary<string, string> fields = SandboxProvider.ReadFields(query, formBody);

            // One lock around the decision and the record: the checks, the limits and Sent stay one atomic step.
            lock (_gate)
            {
                if (_failures.Count > 0)
                {
                    (int code, string reason) = _failures.Dequeue();
                    return ProviderAnswer.ToResponse(request, ProviderOutcome.Refused(code, reason));
                }

                ProviderOutcome outcome = _provider.Decide(request.Method.Method, fields);
                if (outcome.Sent is not null)
                {
                    _sent.Add(outcome.Sent);
                }

                return ProviderAnswer.ToResponse(request, outcome);
            }
        }

        private static string? QueryOf(string relative)
        {
            int question = relative.IndexOf('?');
            return question < 0 ? null : relative.Substring(question);
        }
    }
}
