using JuheSms.Package.Tests.Infrastructure;

namespace JuheSms.Package.Tests;

/// <summary>
/// Issue 10: a consumer of the .nupkg that runs under a zh-Hans UI culture gets the runtime's Chinese messages (the
/// satellite assembly in lib/ reaches its output), and under en the English ones.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LocalizedRuntimeInPackageTests
{
    private readonly PackageFixture _fixture;

    public LocalizedRuntimeInPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_consumer_gets_the_messages_of_its_UI_culture()
    {
        var consumer = _fixture.CreateConsumer("localized");
        consumer.WriteProject();
        consumer.WriteFile("Program.cs", """
            using System;
            using System.Globalization;
            using JuheSms;

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(args[0]);
            try
            {
                SmsValidation.EnsureExt("12a");
            }
            catch (ArgumentException ex)
            {
                Console.WriteLine("ext: " + ex.Message);
            }

            Console.WriteLine("205401: " + JuheSmsErrors.Describe(205401));
            """);
        var build = consumer.Build();
        Assert.True(build.Succeeded, build.ToString());

        var chinese = consumer.Run("zh-Hans");
        Assert.True(chinese.Succeeded, chinese.ToString());
        Assert.Contains("ext: 扩展码（ext）必须是 1 到 9 位数字，实际传入的是“12a”。", chinese.Output);
        Assert.Contains("205401: 手机号码错误。", chinese.Output);

        var english = consumer.Run("en");
        Assert.True(english.Succeeded, english.ToString());
        Assert.Contains("ext: The extension code (ext) must be 1 to 9 digits; got '12a'.", english.Output);
        Assert.Contains("205401: Wrong mobile number.", english.Output);
    }
}
