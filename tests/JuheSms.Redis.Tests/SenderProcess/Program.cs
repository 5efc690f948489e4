// Usage: JuheSms.Redis.SenderProcess <redis endpoint> <key prefix> <mobile> <sends>
// Connects, prints "ready", waits for a line on standard input (the test's start signal), then makes <sends> concurrent
// sends of one message to <mobile> through a JuheSmsClient guarded by RedisSmsSendGuard, and prints
// "result requests=<N> sent=<N> throttled=<N> other=<N>" (requests = what reached this process's sandbox).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JuheSms;
using JuheSms.Redis;
using JuheSms.Testing;
using StackExchange.Redis;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: <redis endpoint> <key prefix> <mobile> <sends>");
    return 2;
}

var configuration = ConfigurationOptions.Parse(args[0]);
configuration.AbortOnConnectFail = false;
using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(configuration);
await redis.GetDatabase().PingAsync();

var guard = new RedisSmsSendGuard(redis, new RedisSmsSendGuardOptions { KeyPrefix = args[1] });
var sandbox = new JuheSmsSandbox().RegisterTemplate(1, "您的验证码是#code#");
sandbox.EnforceFrequencyLimits = false; // only the shared guard may stop a send
var client = new JuheSmsClient(
    new HttpClient(sandbox),
    new JuheSmsOptions { Key = JuheSmsSandbox.DefaultKey, Endpoint = new Uri("http://v.juhe.cn/sms/send") },
    null,
    null,
    guard);

Console.WriteLine("ready");
Console.Out.Flush();
if (Console.ReadLine() is null)
{
    return 3;
}

int sends = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
int sent = 0, throttled = 0, other = 0;
using var gate = new ManualResetEventSlim(false);
Task[] tasks = Enumerable.Range(0, sends).Select(_ => Task.Run(async () =>
{
    gate.Wait();
    try
    {
        await client.SendAsync(new SmsMessage(args[2], 1, new Dictionary<string, string> { ["code"] = "1234" }));
        Interlocked.Increment(ref sent);
    }
    catch (SmsThrottledException)
    {
        Interlocked.Increment(ref throttled);
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine(ex);
        Interlocked.Increment(ref other);
    }
})).ToArray();
gate.Set();
await Task.WhenAll(tasks);

Console.WriteLine($"result requests={sandbox.Requests} sent={sent} throttled={throttled} other={other}");
return 0;
