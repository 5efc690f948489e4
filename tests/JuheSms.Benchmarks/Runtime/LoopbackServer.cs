using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Benchmarks.Runtime
{
    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 (raw sockets, keep-alive, Content-Length bodies) that answers every request
    /// with the provider page's success JSON. Small and the same for both sides of the comparison, so the difference
    /// between them is the client's own cost.
    /// </summary>
    internal sealed class LoopbackServer : IDisposable
    {
        /// <summary>The page's example of a successful send.</summary>
        public const string SuccessJson = "{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"23d6bc4913614919a823271d820662af\"},\"error_code\":0}";

        private static readonly byte[] Response = BuildResponse();
        private static readonly byte[] HeaderEnd = { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };

        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private int _requests;

        public LoopbackServer()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        public Uri Endpoint => new Uri("http://127.0.0.1:" + Port + "/sms/send");

        /// <summary>Requests answered so far.</summary>
        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private static byte[] BuildResponse()
        {
            byte[] body = Encoding.UTF8.GetBytes(SuccessJson);
            byte[] head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: " + body.Length + "\r\n\r\n");
            var response = new byte[head.Length + body.Length];
            head.CopyTo(response, 0);
            body.CopyTo(response, head.Length);
            return response;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
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
                        // Read until the end of the headers.
                        int headerEnd;
                        while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
                        {
                            if (filled == buffer.Length)
                            {
                                return; // Headers larger than we serve.
                            }

                            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                            if (read == 0)
                            {
                                return;
                            }

                            filled += read;
                        }

                        int bodyStart = headerEnd + HeaderEnd.Length;
                        int contentLength = ContentLength(buffer.AsSpan(0, headerEnd));
                        int requestEnd = bodyStart + contentLength;
                        if (requestEnd > buffer.Length)
                        {
                            return;
                        }

                        while (filled < requestEnd)
                        {
                            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                            if (read == 0)
                            {
                                return;
                            }

                            filled += read;
                        }

                        Interlocked.Increment(ref _requests);
                        await socket.SendAsync(Response, SocketFlags.None, _stop.Token).ConfigureAwait(false);

                        // Keep what came after this request (pipelining) for the next round.
                        Buffer.BlockCopy(buffer, requestEnd, buffer, 0, filled - requestEnd);
                        filled -= requestEnd;
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (SocketException)
            {
            }
        }

        private static int ContentLength(ReadOnlySpan<byte> headers)
        {
            string text = Encoding.ASCII.GetString(headers);
            foreach (string line in text.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }
    }
}
