using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>
    /// The screenshot of docs/sandbox-server.md, made from the real page: a few typical sends, a fault and a refusal.
    /// Always taken and checked; written to docs/images/inbox.png only with <c>JUHESMS_UPDATE_SCREENSHOT=1</c>
    /// (<c>scripts/inbox-screenshot.sh</c> does that).
    /// </summary>
    [Collection(BrowserCollection.Name)]
    public sealed class InboxScreenshotTests
    {
        private readonly BrowserFixture _browser;

        public InboxScreenshotTests(BrowserFixture browser) => _browser = browser;

        [Fact]
        public async Task The_inbox_with_typical_sends_renders_for_the_docs()
        {
            // For the docs, the tool's own address; otherwise a free port.
            bool update = Environment.GetEnvironmentVariable("JUHESMS_UPDATE_SCREENSHOT") == "1";
            await using ServerHarness harness = await ServerHarness.StartAsync(
                update ? new JuheSmsSandboxServerOptions { Urls = JuheSmsSandboxServerOptions.DefaultToolUrls } : null);
            harness.Server.RegisterTemplate(123458, "【Contoso】春季大促，全场商品低至5折，会员再享9折优惠，活动时间3月1日至3月15日，详情请访问 contoso.example 或打开App查看，拒收请回复R", "SpringSale");
            await harness.Client.SendAsync(new SmsMessage("13700137000", ServerHarness.ShippedTplId, new Dictionary<string, string> { ["name"] = "张三", ["order"] = "CN20261201" }) { Ext = "01" });
            await harness.Client.SendAsync(new SmsMessage("13600136000", 123458, new Dictionary<string, string>()));
            (await harness.PostFaultAsync("{\"errorCode\": 205409}")).Dispose();
            await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync("13900139000", "555123"));
            (await harness.PostFaultAsync("{\"dropAfterAccept\": true}")).Dispose();
            await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendCodeAsync("13900139000", "555123"));
            await harness.SendCodeAsync("13800138000", "482913");

            IPage page = await _browser.NewPageAsync(harness.BaseAddress);
            await page.SetViewportSizeAsync(1000, 900);
            await page.GotoAsync(harness.BaseAddress.ToString());
            await Assertions.Expect(page.Locator("li.message")).ToHaveCountAsync(4, new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("#status.live")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            // The arrival animation has run its course.
            await page.WaitForTimeoutAsync(600);

            byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
            await page.Context.CloseAsync();

            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.True(png.Length > 20_000, "a screenshot of " + png.Length + " bytes is too small to show the inbox");
            if (update)
            {
                string images = Path.Combine(RepositoryRoot(), "docs", "images");
                Directory.CreateDirectory(images);
                File.WriteAllBytes(Path.Combine(images, "inbox.png"), png);
            }
        }

        private static string RepositoryRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "JuheSms.Generators.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (JuheSms.Generators.sln) is not above " + AppContext.BaseDirectory);
        }
    }
}
