using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JuheSms.Tests.Fakes
{
    /// <summary>A request as it arrived on the socket.</summary>
    public sealed class RawHttpRequest
    {
        public RawHttpRequest(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            Method = method;
            Target = target;
            Headers = headers;
            Body = body;
        }

        public string Method { get; }

        public string Target { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[] Body { get; }
    }

    /// <summary>
    /// A one-request HTTP/1.1 server on 127.0.0.1 (a <see cref="TcpListener"/> speaking raw HTTP), so a test exercises the
    /// real socket path of <c>HttpClient</c>. Bounded: it serves one connection and stops.
    /// </summary>
    public sealed class LoopbackHttpServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task<RawHttpRequest> _serving;

        /// <param name="responseBody">The JSON to answer with, or null to read the request and then close without answering.</param>
        public LoopbackHttpServer(string? responseBody)
            : this(responseBody, "200 OK", "application/json;charset=utf-8")
        {
        }

        /// <param name="responseBody">The body to answer with, or null to read the request and then close without answering.</param>
        /// <param name="status">The status line's code and phrase, e.g. <c>502 Bad Gateway</c>.</param>
        /// <param name="contentType">The answer's Content-Type.</param>
        public LoopbackHttpServer(string? responseBody, string status, string contentType)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _serving = ServeOneAsync(responseBody, status, contentType);
        }

        public Uri Endpoint => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/sms/send");

        /// <summary>The request the server received (fails the test after 30 s rather than hanging).</summary>
        public async Task<RawHttpRequest> ReceivedRequestAsync()
        {
            Task finished = await Task.WhenAny(_serving, Task.Delay(TimeSpan.FromSeconds(30)));
            if (finished != _serving)
            {
                throw new TimeoutException("The loopback server received no request.");
            }

            return await _serving;
        }

        public void Dispose() => _listener.Stop();

        private async Task<RawHttpRequest> ServeOneAsync(string? responseBody, string status, string contentType)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync();
            using NetworkStream stream = client.GetStream();

            var head = new MemoryStream();
            while (!EndsWithBlankLine(head))
            {
                int b = stream.ReadByte();
                if (b < 0)
                {
                    throw new EndOfStreamException("The connection closed inside the request head.");
                }

                head.WriteByte((byte)b);
            }

            string[] lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            string[] requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }

            int length = headers.TryGetValue("Content-Length", out string? declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
            byte[] body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = await stream.ReadAsync(body.AsMemory(read, length - read));
                if (n == 0)
                {
                    throw new EndOfStreamException("The connection closed inside the request body.");
                }

                read += n;
            }

            if (responseBody is not null)
            {
                byte[] payload = Encoding.UTF8.GetBytes(responseBody);
                string responseHead = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(responseHead));
                await stream.WriteAsync(payload);
                await stream.FlushAsync();
            }

            return new RawHttpRequest(requestLine[0], requestLine[1], headers, body);
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
