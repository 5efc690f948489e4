using System.Threading.Tasks;
using Microsoft.Playwright;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>The inbox page at <c>/</c> in real headless chromium: live updates, the number filter, copying a code.</summary>
    [Collection(BrowserCollection.Name)]
    public sealed class InboxPageTests
    {
        // Generous for a loaded CI machine; a passing expectation returns as soon as it holds.
        private const float Timeout = 10_000;
        private readonly BrowserFixture _browser;

        public InboxPageTests(BrowserFixture browser) => _browser = browser;

        [Fact]
        public async Task A_send_made_after_the_page_opened_appears_without_a_reload()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            IPage page = await OpenAsync(harness);
            await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync(new() { Timeout = Timeout });
            // Live: the event stream is open, so what follows can only reach the page through it.
            await Assertions.Expect(page.Locator("#status.live")).ToBeVisibleAsync(new() { Timeout = Timeout });
            await page.EvaluateAsync("window.__notReloaded = true");

            SmsSendResult sent = await harness.SendCodeAsync(code: "482913");

            ILocator card = page.Locator("li.message[data-sid='" + sent.Sid + "']");
            await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Assertions.Expect(card.Locator(".bubble")).ToHaveTextAsync("【Contoso】您的验证码是482913，5分钟内有效。");
            await Assertions.Expect(card.Locator(".mobile")).ToHaveTextAsync("138 0013 8000");
            await Assertions.Expect(card.Locator(".chip.tpl")).ToHaveTextAsync("tpl_id 123456");
            await Assertions.Expect(card.Locator(".chip.segments")).ToHaveTextAsync("1 billed message");
            Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
            await page.Context.CloseAsync();
        }

        [Fact]
        public async Task The_number_filter_shows_only_that_numbers_messages()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync("13800138000", "1111");
            await harness.SendCodeAsync("13900139000", "2222");
            IPage page = await OpenAsync(harness);
            await Assertions.Expect(page.Locator("li.message")).ToHaveCountAsync(2, new() { Timeout = Timeout });

            await page.Locator("#filter").FillAsync("139 0013");

            await Assertions.Expect(page.Locator("li.message")).ToHaveCountAsync(1, new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("li.message")).ToHaveAttributeAsync("data-mobile", "13900139000");

            // A message for another number arriving while filtered stays hidden; one for the filtered number shows.
            await harness.SendCodeAsync("13700137000", "3333");
            await harness.Client.SendAsync(new SmsMessage("13900139000", ServerHarness.ShippedTplId, new System.Collections.Generic.Dictionary<string, string> { ["name"] = "李四", ["order"] = "B2" }));
            await Assertions.Expect(page.Locator("li.message")).ToHaveCountAsync(2, new() { Timeout = Timeout });
            Assert.Equal(new[] { "13900139000", "13900139000" }, await page.Locator("li.message").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.mobile)"));

            await page.Locator("#filter").FillAsync(string.Empty);
            await Assertions.Expect(page.Locator("li.message")).ToHaveCountAsync(4, new() { Timeout = Timeout });
            await page.Context.CloseAsync();
        }

        [Fact]
        public async Task The_page_loads_nothing_from_another_origin()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync();
            IPage page = await _browser.NewPageAsync(harness.BaseAddress);
            var requested = new System.Collections.Concurrent.ConcurrentQueue<string>();
            page.Request += (_, request) => requested.Enqueue(request.Url);

            await page.GotoAsync(harness.BaseAddress.ToString());
            await Assertions.Expect(page.Locator("li.message")).ToHaveCountAsync(1, new() { Timeout = Timeout });

            // Offline-proof: the page, its CSS, script, words and API calls all come from the tool itself.
            Assert.Contains(requested, url => url.EndsWith("/inbox.css", System.StringComparison.Ordinal));
            Assert.Contains(requested, url => url.EndsWith("/api/events", System.StringComparison.Ordinal));
            Assert.All(requested, url => Assert.True(
                url.StartsWith(harness.BaseAddress.ToString(), System.StringComparison.Ordinal) || url.StartsWith("data:", System.StringComparison.Ordinal),
                url + " is not served by the tool"));
            await page.Context.CloseAsync();
        }

        [Fact]
        public async Task The_copy_button_copies_the_code()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync(code: "739201");
            IPage page = await OpenAsync(harness);
            ILocator copy = page.Locator("li.message button.copy");
            await Assertions.Expect(copy).ToHaveTextAsync("Copy 739201", new() { Timeout = Timeout });

            await copy.ClickAsync();

            await Assertions.Expect(copy).ToContainTextAsync("Copied", new() { Timeout = Timeout });
            Assert.Equal("739201", await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
            await page.Context.CloseAsync();
        }

        [Fact]
        public async Task A_fault_shows_on_the_send_it_hit()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            IPage page = await OpenAsync(harness);
            await Assertions.Expect(page.Locator("#status.live")).ToBeVisibleAsync(new() { Timeout = Timeout });
            (await harness.PostFaultAsync("{\"errorCode\": 205409}")).Dispose();
            (await harness.PostFaultAsync("{\"dropAfterAccept\": true}")).Dispose();

            await Assert.ThrowsAsync<JuheSmsException>(() => harness.SendCodeAsync("13900139000"));
            await Assert.ThrowsAsync<JuheSmsTransportException>(() => harness.SendCodeAsync("13800138000"));

            await Assertions.Expect(page.Locator("li.refusal .chip.bad")).ToHaveTextAsync("Refused 205409", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("li.refusal .chip.fault")).ToHaveTextAsync("fault: answered 205409", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("li.message .chip.fault")).ToContainTextAsync("dropAfterAccept", new() { Timeout = Timeout });
            await page.Context.CloseAsync();
        }

        private async Task<IPage> OpenAsync(ServerHarness harness)
        {
            IPage page = await _browser.NewPageAsync(harness.BaseAddress);
            await page.GotoAsync(harness.BaseAddress.ToString());
            return page;
        }
    }
}
