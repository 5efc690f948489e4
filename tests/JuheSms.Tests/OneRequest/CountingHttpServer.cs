using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Tests.OneRequest
{
    /// <summary>What <see cref="CountingHttpServer"/> does with the n-th request.</summary>
    public sealed class ServerReply
    {
        private ServerReply(string? status, string? body, string contentType, bool hang)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
            Hang = hang;
        }

        /// <summary>The status line's code and phrase, or null to close the connection without answering.</summary>
        public string? Status { get; }

        public string? Body { get; }

        public string ContentType { get; }

        /// <summary>Keeps the connection open without answering until the server is disposed.</summary>
        public bool Hang { get; }

        public static ServerReply Json(string body) => new ServerReply("200 OK", body, "application/json;charset=utf-8", hang: false);

        public static ServerReply Answer(string status, string body, string contentType = "text/html") => new ServerReply(status, body, contentType, hang: false);

        /// <summary>Reads the whole request, then closes the connection: the request arrived, no answer comes.</summary>
        public static ServerReply Drop() => new ServerReply(null, null, string.Empty, hang: false);

        /// <summary>Reads the whole request and never answers: the client's (or a handler's) time-out ends it.</summary>
        public static ServerReply NoAnswer() => new ServerReply(null, null, string.Empty, hang: true);
    }

    /// <summary>
    /// An HTTP/1.1 stand-in for the provider on 127.0.0.1 that counts what reaches it: every connection, and every request
    /// read to the end of its body. Each answer closes its connection, so a repeated request would need a new connection
    /// and would show in both counts. The n-th request (from 1) gets <c>reply(n)</c>.
    /// </summary>
    public sealed class CountingHttpServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<int, ServerReply> _reply;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private int _connections;
        private int _requests;

        public CountingHttpServer(Func<int, ServerReply> reply)
        {
            _reply = reply;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        public CountingHttpServer(ServerReply reply)
            : this(_ => reply)
        {
        }

        public Uri Endpoint => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/sms/send");

        /// <summary>Requests read to the end of their body.</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Connections accepted (a request that started but broke off counts here only).</summary>
        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    using NetworkStream stream = client.GetStream();
                    if (!await ReadRequestAsync(stream))
                    {
                        return;
                    }

                    ServerReply reply = _reply(Interlocked.Increment(ref _requests));
                    if (reply.Hang)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }
                    else if (reply.Status is not null)
                    {
                        byte[] payload = Encoding.UTF8.GetBytes(reply.Body ?? string.Empty);
                        string head = "HTTP/1.1 " + reply.Status + "\r\nContent-Type: " + reply.ContentType + "\r\nContent-Length: "
                            + payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                        await stream.WriteAsync(payload, _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                    }
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                }
                catch (IOException)
                {
                    // The client went away (its time-out): nothing more to serve.
                }
            }
        }

        /// <summary>Reads one request head and its Content-Length body; false when the connection closed before the end.</summary>
        private async Task<bool> ReadRequestAsync(NetworkStream stream)
        {
            var head = new MemoryStream();
            var one = new byte[1];
            while (!EndsWithBlankLine(head))
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0)
                {
                    return false;
                }

                head.WriteByte(one[0]);
            }

            int length = 0;
            foreach (string line in Encoding.ASCII.GetString(head.ToArray()).Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = await stream.ReadAsync(body.AsMemory(read, length - read), _stop.Token);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return true;
        }

        private static bool EndsWithBlankLine(MemoryStream head)
        {
            if (head.Length < 4)
            {
                return false;
            }

            byte[] buffer = head.GetBuffer();
            long n = head.Length;
            return buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n';
        }
    }
}
