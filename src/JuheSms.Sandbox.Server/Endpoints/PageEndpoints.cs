using System.IO;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JuheSms.Sandbox.Endpoints
{
    /// <summary>
    /// The inbox page: HTML, CSS and JavaScript embedded in the tool (nothing from a CDN, so it works offline), plus
    /// <c>/inbox-text.js</c>, the page's words from <see cref="ServerTexts"/> in the browser's language (English or Chinese).
    /// </summary>
    internal static class PageEndpoints
    {
        public static RequestDelegate Resource(string fileName, string contentType)
        {
            byte[] content = Load(fileName);
            return context => WriteAsync(context, content, contentType);
        }

        public static RequestDelegate PageText()
        {
            byte[] english = Script(ServerTexts.Page);
            byte[] chinese = Script(ServerTexts.PageZhHans);
            return context =>
            {
                // The answer depends on the request's languages: caches must keep one per Accept-Language.
                context.Response.Headers.Vary = "Accept-Language";
                bool zh = ReferenceEquals(ServerTexts.PageFor(context.Request.Headers.AcceptLanguage.ToString()), ServerTexts.PageZhHans);
                return WriteAsync(context, zh ? chinese : english, "text/javascript; charset=utf-8");
            };
        }

        private static byte[] Script(System.Collections.Generic.IReadOnlyDictionary<string, string> words)
            => Encoding.UTF8.GetBytes("window.inboxText = " + SandboxJson.Serialize(words) + ";\n");

        private static async Task WriteAsync(HttpContext context, byte[] content, string contentType)
        {
            context.Response.ContentType = contentType;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }

        private static byte[] Load(string fileName)
        {
            string name = "JuheSms.Sandbox.Page." + fileName;
            using Stream stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream(name)
                ?? throw new FileNotFoundException(ServerTexts.MissingPageResource, name);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
