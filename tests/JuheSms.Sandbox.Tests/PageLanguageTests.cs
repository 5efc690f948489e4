using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace JuheSms.Sandbox.Tests
{
    /// <summary>The inbox page's words follow the browser's languages: Chinese when it prefers Chinese, else English.</summary>
    [Collection(BrowserCollection.Name)]
    public sealed class PageLanguageTests
    {
        private const float Timeout = 10_000;
        private readonly BrowserFixture _browser;

        public PageLanguageTests(BrowserFixture browser) => _browser = browser;

        [Theory]
        [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "短信收件箱")]
        [InlineData("zh", "短信收件箱")]
        [InlineData("zh-Hans", "短信收件箱")]
        [InlineData("en-US,zh;q=0.5", "SMS inbox")]
        [InlineData("fr-FR,zh-CN;q=0.9", "SMS inbox")]
        [InlineData("en;q=0.3,zh-TW;q=0.8", "短信收件箱")]
        [InlineData("", "SMS inbox")]
        public async Task The_words_script_is_in_the_most_preferred_language(string acceptLanguage, string title)
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/inbox-text.js");
            if (acceptLanguage.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            }

            using HttpResponseMessage response = await harness.Http.SendAsync(request);
            string script = await response.Content.ReadAsStringAsync();

            Assert.Contains("\"title\":\"" + title + "\"", script);
            Assert.Contains("Accept-Language", response.Headers.Vary);
        }

        [Fact]
        public void Both_languages_have_the_same_words_and_placeholders()
        {
            Assert.Equal(ServerTexts.Page.Keys.OrderBy(k => k), ServerTexts.PageZhHans.Keys.OrderBy(k => k));
            foreach (KeyValuePair<string, string> english in ServerTexts.Page)
            {
                string chinese = ServerTexts.PageZhHans[english.Key];
                Assert.Equal(Placeholders(english.Value), Placeholders(chinese));
                if (english.Key is not ("subtitle" or "tplId" or "ext" or "infoEndpoint" or "infoKey" or "lang"))
                {
                    Assert.NotEqual(english.Value, chinese); // Translated, not copied.
                }
            }
        }

        [Fact]
        public async Task A_Chinese_browser_sees_the_inbox_in_Chinese()
        {
            await using ServerHarness harness = await ServerHarness.StartAsync();
            await harness.SendCodeAsync(code: "350172");
            IPage page = await _browser.NewPageAsync(harness.BaseAddress, locale: "zh-CN");
            await page.GotoAsync(harness.BaseAddress.ToString());

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("短信收件箱", new() { Timeout = Timeout });
            ILocator card = page.Locator("li.message");
            await Assertions.Expect(card.Locator(".chip.segments")).ToHaveTextAsync("计费 1 条", new() { Timeout = Timeout });
            await Assertions.Expect(card.Locator("button.copy")).ToHaveTextAsync("复制 350172", new() { Timeout = Timeout });
            Assert.Equal("zh-Hans", await page.EvaluateAsync<string>("document.documentElement.lang"));
            await page.Context.CloseAsync();
        }

        private static string[] Placeholders(string text)
            => Regex.Matches(text, @"\{(\w+)\}").Select(m => m.Value).OrderBy(v => v).ToArray();
    }
}
