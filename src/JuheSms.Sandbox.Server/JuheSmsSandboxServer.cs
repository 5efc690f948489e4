using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Sandbox.Endpoints;
using JuheSms.Sandbox.Hosting;
using JuheSms.Sandbox.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JuheSms.Sandbox
{
    /// <summary>
    /// The sandbox server: the provider's endpoint (<c>/sms/send</c>), the inbox page (<c>/</c>) and the JSON API
    /// (<c>/api/messages</c>, <c>/api/faults</c>) on Kestrel. The <c>juhesms-sandbox</c> tool runs one; a test starts
    /// its own in-process and points a client at <see cref="SendEndpoint"/>.
    /// </summary>
    /// <remarks>
    /// Sends are checked by the same provider model as <c>JuheSmsSandbox</c> (key 10001, mobile 205401, template 205402,
    /// variables 205404, carrier limits 205405, method 205410), rendered with the signature and billed per 70/67.
    /// </remarks>
    /// <example>
    /// <code>
    /// await using var server = new JuheSmsSandboxServer().RegisterTemplate(123456, "【Contoso】您的验证码是#code#。");
    /// Uri baseAddress = await server.StartAsync();
    /// var options = new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = server.SendEndpoint.ToString() };
    /// // ... send, then GET {baseAddress}api/messages/latest?mobile=13800138000 ...
    /// </code>
    /// </example>
    public sealed class JuheSmsSandboxServer : IAsyncDisposable
    {
        private readonly JuheSmsSandboxServerOptions _options;
        private readonly SandboxState _state;
        private WebApplication? _app;
        private Uri? _baseAddress;

        /// <summary>Creates a server (not started) with no templates.</summary>
        /// <param name="options">Its settings; the defaults when null.</param>
        /// <exception cref="ArgumentException">A setting is out of range (empty key or URL, <c>MaxMessages</c> below 1).</exception>
        public JuheSmsSandboxServer(JuheSmsSandboxServerOptions? options = null)
        {
            _options = options ?? new JuheSmsSandboxServerOptions();
            if (string.IsNullOrEmpty(_options.Key))
            {
                throw new ArgumentException(ServerTexts.EmptyKey, nameof(options));
            }

            if (string.IsNullOrWhiteSpace(_options.Urls))
            {
                throw new ArgumentException(ServerTexts.EmptyUrls, nameof(options));
            }

            if (_options.MaxMessages < 1)
            {
                throw new ArgumentException(ServerTexts.BadMaxMessages(_options.MaxMessages), nameof(options));
            }

            if (_options.Signature is null)
            {
                throw new ArgumentException(ServerTexts.NullSignature, nameof(options));
            }

            _state = new SandboxState(_options);
        }

        /// <summary>The address the server listens on (the first one, with the port chosen), e.g. <c>http://127.0.0.1:5190/</c>.</summary>
        /// <exception cref="InvalidOperationException">The server has not been started.</exception>
        public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException(ServerTexts.NotStarted);

        /// <summary>The provider's endpoint on this server, <c>{BaseAddress}sms/send</c>: the value of <c>JuheSms:Endpoint</c>.</summary>
        /// <exception cref="InvalidOperationException">The server has not been started.</exception>
        public Uri SendEndpoint => new Uri(BaseAddress, SendEndpointPath.TrimStart('/'));

        /// <summary>The accepted messages, newest first (the last <see cref="JuheSmsSandboxServerOptions.MaxMessages"/>).</summary>
        public IReadOnlyList<InboxMessage> Messages => _state.Store.Messages;

        private static string SendEndpointPath => Endpoints.SendEndpoint.Path;

        /// <summary>
        /// Registers (or replaces) an approved template, as <c>JuheSmsSandbox.RegisterTemplate</c> does: <paramref name="text"/>
        /// holds <c>#name#</c> placeholders; when it starts with <c>【…】</c> that is its signature, otherwise
        /// <see cref="JuheSmsSandboxServerOptions.Signature"/> is put in front. Works before and after <see cref="StartAsync"/>.
        /// </summary>
        /// <param name="tplId">The template id (<c>tpl_id</c>), positive.</param>
        /// <param name="text">The template text.</param>
        /// <param name="name">The template's name, shown on the inbox page; optional.</param>
        /// <returns>This server, for chaining.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="tplId"/> is not positive.</exception>
        /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
        public JuheSmsSandboxServer RegisterTemplate(int tplId, string text, string? name = null)
        {
            if (tplId <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tplId), tplId, ServerTexts.BadTplId);
            }

            if (string.IsNullOrEmpty(text))
            {
                throw new ArgumentException(ServerTexts.EmptyTemplateText, nameof(text));
            }

            _state.Register(tplId, text, name);
            return this;
        }

        /// <summary>Starts listening on <see cref="JuheSmsSandboxServerOptions.Urls"/>.</summary>
        /// <returns>The <see cref="BaseAddress"/>.</returns>
        /// <exception cref="InvalidOperationException">The server was started already.</exception>
        /// <exception cref="System.IO.IOException">The address is in use (Kestrel's own exception, naming it).</exception>
        public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
        {
            if (_app is not null)
            {
                throw new InvalidOperationException(ServerTexts.AlreadyStarted);
            }

            WebApplication app = Build();
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _app = app;
            ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            string first = addresses.First();
            _baseAddress = new Uri(first.EndsWith("/", StringComparison.Ordinal) ? first : first + "/");
            return _baseAddress;
        }

        /// <summary>Stops listening (open inbox pages are disconnected). The messages stay readable.</summary>
        public async Task StopAsync(CancellationToken cancellationToken = default)
        {
            if (_app is WebApplication app)
            {
                _app = null;
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Stops the server.</summary>
        public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

        /// <summary>Waits until the server stops (Ctrl+C in the tool, or <see cref="StopAsync"/>).</summary>
        internal Task WaitForShutdownAsync(CancellationToken cancellationToken)
            => (_app ?? throw new InvalidOperationException(ServerTexts.NotStarted)).WaitForShutdownAsync(cancellationToken);

        private WebApplication Build()
        {
            // The empty builder reads no appsettings.json and no ASPNETCORE_* variables of the folder the tool runs in:
            // the tool is started inside the user's project, whose settings are not the tool's.
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.WebHost.UseKestrelCore();
            builder.WebHost.UseUrls(_options.Urls);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
            builder.Services.AddRoutingCore();
            builder.Services.AddSingleton(_state);

            WebApplication app = builder.Build();
            app.UseRouting();
            MapEndpoints(app, _state);
            return app;
        }

        private static void MapEndpoints(IEndpointRouteBuilder app, SandboxState state)
        {
            IHostApplicationLifetime lifetime = app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>();
            app.Map(SendEndpointPath, context => Endpoints.SendEndpoint.HandleAsync(context, state));
            app.MapGet("/api/messages", context => MessagesEndpoints.ListAsync(context, state));
            app.MapGet("/api/messages/latest", context => MessagesEndpoints.LatestAsync(context, state));
            app.MapDelete("/api/messages", context => MessagesEndpoints.ClearAsync(context, state));
            app.MapGet("/api/refusals", context => MessagesEndpoints.RefusalsAsync(context, state));
            app.MapGet("/api/info", context => MessagesEndpoints.InfoAsync(context, state));
            app.MapPost("/api/faults", context => FaultsEndpoints.AddAsync(context, state));
            app.MapGet("/api/faults", context => FaultsEndpoints.ListAsync(context, state));
            app.MapDelete("/api/faults", context => FaultsEndpoints.ClearAsync(context, state));
            app.MapGet("/api/events", context => EventsEndpoint.HandleAsync(context, state, lifetime));
            app.MapGet("/", PageEndpoints.Resource("index.html", "text/html; charset=utf-8"));
            app.MapGet("/inbox.css", PageEndpoints.Resource("inbox.css", "text/css; charset=utf-8"));
            app.MapGet("/inbox.js", PageEndpoints.Resource("inbox.js", "text/javascript; charset=utf-8"));
            app.MapGet("/inbox-text.js", PageEndpoints.PageText());
        }
    }
}
