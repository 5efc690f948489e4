using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>
    /// One headless chromium for the page tests: Debian's package, driven by Playwright's own driver (no browser
    /// download). <c>.ci/install-chromium</c> installs it when missing; <c>JUHESMS_CHROMIUM</c> points at another binary.
    /// </summary>
    public sealed class BrowserFixture : IAsyncLifetime
    {
        private static readonly string[] Candidates = { "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser" };

        private IPlaywright? _playwright;

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = FindChromium(),
                Headless = true,
                Args = new[] { "--no-sandbox" },
            });
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null)
            {
                await Browser.CloseAsync();
            }

            _playwright?.Dispose();
        }

        /// <summary>A page with clipboard access on <paramref name="origin"/>, sized like a laptop window, in the browser language <paramref name="locale"/>.</summary>
        public async Task<IPage> NewPageAsync(Uri origin, string locale = "en-GB")
        {
            IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1100, Height = 800 },
                ColorScheme = ColorScheme.Light,
                Locale = locale,
                TimezoneId = "Asia/Shanghai",
            });
            await context.GrantPermissionsAsync(new[] { "clipboard-read", "clipboard-write" }, new BrowserContextGrantPermissionsOptions { Origin = origin.GetLeftPart(UriPartial.Authority) });
            return await context.NewPageAsync();
        }

        private static string FindChromium()
        {
            string? configured = Environment.GetEnvironmentVariable("JUHESMS_CHROMIUM");
            if (!string.IsNullOrEmpty(configured))
            {
                return File.Exists(configured) ? configured : throw new InvalidOperationException("JUHESMS_CHROMIUM points at '" + configured + "', which does not exist.");
            }

            foreach (string candidate in Candidates)
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("The inbox page tests need Debian's chromium: run `bash .ci/install-chromium` (or set JUHESMS_CHROMIUM).");
        }
    }

    /// <summary>The tests that share <see cref="BrowserFixture"/>.</summary>
    [CollectionDefinition(Name)]
    public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
    {
        public const string Name = "browser";
    }
}
