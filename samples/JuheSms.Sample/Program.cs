// The main job: send the VerificationCode template of the root templates.example.json through the generated,
// strongly typed method. With no JuheSms:Key configured it runs on the in-process sandbox (nothing leaves the machine).
//
//   dotnet run --project samples/JuheSms.Sample -- 13800138000
//
// Configuration: appsettings.json beside the program, then environment variables JuheSms__Key / JuheSms__Endpoint.
using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Contoso.Sms;
using JuheSms;
using JuheSms.Testing;
using Microsoft.Extensions.Configuration;

internal static class Program
{
    private const int CodeMinutes = 5;

    private static async Task<int> Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: dotnet run --project samples/JuheSms.Sample -- <mainland mobile number>");
            return 2;
        }

        string mobile = args[0];
        IConfiguration configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var options = new JuheSmsOptions();
        configuration.GetSection("JuheSms").Bind(options);

        HttpMessageHandler handler;
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            // No key: the sandbox behaves like the provider for the templates it knows.
            var sandbox = new JuheSmsSandbox();
            sandbox.Signature = SmsTemplates.VerificationCode.Signature;
            sandbox.RegisterTemplate(SmsTemplates.VerificationCode.TplId, SmsTemplates.VerificationCode.Text);
            options.Key = JuheSmsSandbox.DefaultKey;
            handler = sandbox;
            Console.WriteLine("No JuheSms:Key configured: sending on the in-process sandbox (no real SMS, no network).");
        }
        else
        {
            handler = new HttpClientHandler();
            Console.WriteLine($"Sending through {options.Endpoint}.");
        }

        using var http = new HttpClient(handler);
        var client = new JuheSmsClient(http, options);

        string code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        RenderedSms rendered = SmsTemplates.VerificationCode.Render(code, CodeMinutes);
        Console.WriteLine($"message:  {rendered.Text}");
        Console.WriteLine($"billed:   {rendered.Segments} message(s), {rendered.Length} characters");

        try
        {
            SmsSendResult result = await client.SendVerificationCodeAsync(mobile, code, CodeMinutes);
            Console.WriteLine($"sid:      {result.Sid} (count {result.Count}, fee {result.Fee})");
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"invalid input ({ex.ParamName}): {ex.Message}");
            return 2;
        }
        catch (JuheSmsException ex)
        {
            Console.Error.WriteLine($"error {ex.ErrorCode}: {ex.Reason}");
            return 1;
        }
    }
}
