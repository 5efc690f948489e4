using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Redis.Tests.Crash
{
    /// <summary>
    /// A local stand-in for the provider: HTTP/1.1 on 127.0.0.1 over raw sockets (keep-alive, Content-Length bodies), that
    /// records every send request it receives the moment its form has arrived and before it answers, so a request counts
    /// as received even when the sender dies before the answer. It answers the page's success JSON with a sid of its own
    /// per request, after a random delay of up to <c>maxAnswerDelay</c>, so kills land before, during and after requests.
    /// (Raw sockets rather than Kestrel: the ASP.NET Core shared framework in this test assembly would leave the child
    /// processes that run beside it without their Microsoft.Extensions assemblies.)
    /// </summary>
    public sealed class RecordingProvider : IAsyncDisposable
    {
        private static readonly byte[] HeaderEnd = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _received = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        private readonly int _maxAnswerDelayMs;
        private readonly Task _accepting;
        private int _requests;

        private RecordingProvider(TimeSpan maxAnswerDelay)
        {
            _maxAnswerDelayMs = (int)maxAnswerDelay.TotalMilliseconds;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/sms/send");
            _accepting = AcceptLoopAsync();
        }

        public Uri Endpoint { get; }

        /// <summary>Requests received so far.</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>For each number received, the sids the stand-in answered it with (one per request received).</summary>
        public IReadOnlyDictionary<string, string[]> Received => _received.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

        public static Task<RecordingProvider> StartAsync(TimeSpan maxAnswerDelay) => Task.FromResult(new RecordingProvider(maxAnswerDelay));

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _accepting;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                socket.NoDelay = true;
                _ = ServeAsync(socket);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            var buffer = new byte[16 * 1024];
            int filled = 0;
            try
            {
                using (socket)
                {
                    while (true)
                    {
                        int headerEnd;
                        while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
                        {
                            if (filled == buffer.Length)
                            {
                                return;
                            }

                            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                            if (read == 0)
                            {
                                return; // the sender went away (a kill closes its sockets)
                            }

                            filled += read;
                        }

                        int bodyStart = headerEnd + HeaderEnd.Length;
                        int requestEnd = bodyStart + ContentLength(buffer.AsSpan(0, headerEnd));
                        if (requestEnd > buffer.Length)
                        {
                            return;
                        }

                        while (filled < requestEnd)
                        {
                            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                            if (read == 0)
                            {
                                return; // the body never arrived whole: not received
                            }

                            filled += read;
                        }

                        string mobile = FormValue(Encoding.ASCII.GetString(buffer, bodyStart, requestEnd - bodyStart), "mobile");
                        string sid = "sid-" + Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        _received.GetOrAdd(mobile, _ => new ConcurrentQueue<string>()).Enqueue(sid);

                        int delay = Random.Shared.Next(0, _maxAnswerDelayMs + 1);
                        if (delay > 0)
                        {
                            await Task.Delay(delay, _stop.Token);
                        }

                        byte[] body = Encoding.UTF8.GetBytes("{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"" + sid + "\"},\"error_code\":0}");
                        byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: " + body.Length + "\r\n\r\n");
                        await socket.SendAsync(head.Concat(body).ToArray(), SocketFlags.None, _stop.Token);

                        Buffer.BlockCopy(buffer, requestEnd, buffer, 0, filled - requestEnd);
                        filled -= requestEnd;
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // A sender killed mid-request, or the stand-in stopping.
            }
        }

        private static int ContentLength(ReadOnlySpan<byte> headers)
        {
            foreach (string line in Encoding.ASCII.GetString(headers).Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }

        private static string FormValue(string form, string name)
        {
            foreach (string pair in form.Split('&'))
            {
                int eq = pair.IndexOf('=');
                if (eq > 0 && pair.AsSpan(0, eq).SequenceEqual(name))
                {
                    return Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
                }
            }

            return string.Empty;
        }
    }
}
