// Usage: JuheSms.Redis.CampaignProcess <redis endpoint> <key prefix> <provider endpoint> <batch id> <numbers file> <max concurrency> <stream|list>
// Runs one campaign: the numbers of the file (one a line) with the BatchId, through a JuheSmsClient over a
// RedisSmsIdempotencyStore, against the provider stand-in at <provider endpoint>; "stream" uses the IAsyncEnumerable form,
// "list" the list form. Prints "started" once connected, then one line per number as it completes:
//   sent <mobile> <sid> | replayed <mobile> <sid> | inflight <mobile> | unknown <mobile> | unavailable <mobile> | error <mobile> <exception type>
// ("replayed" for a number an earlier run or another worker had sent: its first result, no request) and "done" at the end.
// It waits for a line on standard input (the test's start signal) between "started" and the first send. The crash tests kill it (SIGKILL) at random points and start it again until a run is done.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JuheSms;
using JuheSms.Redis;
using StackExchange.Redis;

if (args.Length != 7)
{
    Console.Error.WriteLine("usage: <redis endpoint> <key prefix> <provider endpoint> <batch id> <numbers file> <max concurrency> <stream|list>");
    return 2;
}

var configuration = ConfigurationOptions.Parse(args[0]);
configuration.AbortOnConnectFail = false;
configuration.BacklogPolicy = BacklogPolicy.FailFast;
configuration.ConnectTimeout = 2000;
configuration.SyncTimeout = 2000;
configuration.AsyncTimeout = 2000;
configuration.ConnectRetry = 1;
using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(configuration);
await redis.GetDatabase().PingAsync();

var store = new RedisSmsIdempotencyStore(redis, new RedisSmsIdempotencyStoreOptions { KeyPrefix = args[1] });
using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
var client = new JuheSmsClient(
    http,
    new JuheSmsOptions { Key = "campaign-key", Endpoint = new Uri(args[2]), Timeout = TimeSpan.FromSeconds(3) },
    null,
    null,
    null,
    store);

var template = new SmsMessage("", 1, new Dictionary<string, string> { ["code"] = "1234" }) { Kind = SmsTemplateKind.Notification };
var options = new SmsBatchOptions { BatchId = args[3], MaxConcurrency = int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) };

Console.WriteLine("started");
if (Console.ReadLine() is null)
{
    return 3; // the test's start signal never came
}

if (args[6] == "stream")
{
    await foreach (SmsBatchItemResult result in client.SendManyAsync(template, ReadLinesAsync(args[4]), options))
    {
        Report(result);
    }
}
else
{
    foreach (SmsBatchItemResult result in await client.SendManyAsync(template, File.ReadAllLines(args[4]), options))
    {
        Report(result);
    }
}

Console.WriteLine("done");
return 0;

static void Report(SmsBatchItemResult result)
{
    string line = result.Error switch
    {
        null when result.Result!.IsReplayed => "replayed " + result.Mobile + " " + result.Sid,
        null => "sent " + result.Mobile + " " + result.Sid,
        SmsIdempotencyConflictException { IsInFlight: true } => "inflight " + result.Mobile,
        SmsIdempotencyConflictException => "unknown " + result.Mobile,
        SmsIdempotencyUnavailableException => "unavailable " + result.Mobile,
        Exception ex => "error " + result.Mobile + " " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' '),
    };
    Console.WriteLine(line);
}

static async IAsyncEnumerable<string> ReadLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
{
    using var reader = new StreamReader(path);
    while (await reader.ReadLineAsync(cancellationToken) is { } line)
    {
        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
