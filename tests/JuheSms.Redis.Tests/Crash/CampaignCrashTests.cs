using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace JuheSms.Redis.Tests.Crash
{
    /// <summary>
    /// Crash safety of a campaign (a batch with a BatchId over RedisSmsIdempotencyStore), with real processes, a real
    /// redis-server and a recording HTTP stand-in for the provider: the campaign process is killed with SIGKILL at random
    /// points and started again until a run completes. No number may reach the stand-in twice, and at the end every number
    /// is either sent (its first sid) or reported of unknown outcome. Seeds are printed, so a failure can be replayed.
    /// </summary>
    public sealed class CampaignCrashTests : IAsyncLifetime
    {
        private const int Numbers = 400;
        private const int MaxConcurrency = 4;

        private readonly ITestOutputHelper _output;
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "juhesms-crash-" + Guid.NewGuid().ToString("N"));
        private readonly List<string> _mobiles = Enumerable.Range(0, Numbers).Select(i => "138" + (10_000_000 + (i * 7919)).ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        private RecordingProvider _provider = null!;

        // Sends that timed out after their request went out (a loaded machine): each may end of unknown outcome too.
        private int _timeouts;

        public CampaignCrashTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllLines(NumbersFile, _mobiles);
            _provider = await RecordingProvider.StartAsync(TimeSpan.FromMilliseconds(8));
        }

        public async Task DisposeAsync()
        {
            await _provider.DisposeAsync();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A redis-server still closing its files; the temp folder is cleaned by the system.
            }
        }

        private string NumbersFile => Path.Combine(_directory, "numbers.txt");

        [Theory]
        [InlineData("stream")]
        [InlineData("list")]
        public async Task A_campaign_killed_at_random_points_and_rerun_sends_no_number_twice_and_accounts_for_every_number(string mode)
        {
            await using RedisServer redis = await RedisServer.StartAsync();
            CampaignSetup setup = Setup(redis.Endpoint);
            int seed = Environment.TickCount;
            var random = new Random(seed);
            _output.WriteLine($"seed {seed}");

            int kills = 0;
            for (int i = 0; i < 3; i++)
            {
                using CampaignRun run = await CampaignRun.StartAsync(setup, mode);
                await run.GoAsync();
                if (await run.KillAfterAsync(TimeSpan.FromMilliseconds(random.Next(30, 250))))
                {
                    kills++;
                }

                _timeouts += run.TimeOuts;
            }

            Dictionary<string, (string Outcome, string? Sid)> final = await RunUntilSettledAsync(setup, mode);

            // The first run of a fresh campaign (400 numbers, answers of up to 8 ms, 4 at a time) outlasts the 250 ms of
            // the latest kill, so at least that run died mid-campaign.
            Assert.True(kills >= 1, "no run was killed mid-campaign");
            AssertSettled(final, maxUnknown: kills * MaxConcurrency, seed);
            _output.WriteLine($"kills {kills}, requests {_provider.Requests}, unknown {final.Values.Count(o => o.Outcome == "unknown")}");
        }

        [Fact]
        public async Task Two_processes_on_one_campaign_split_it_and_send_each_number_once()
        {
            await using RedisServer redis = await RedisServer.StartAsync();
            CampaignSetup setup = Setup(redis.Endpoint);

            using CampaignRun a = await CampaignRun.StartAsync(setup, "stream");
            using CampaignRun b = await CampaignRun.StartAsync(setup, "list");
            await Task.WhenAll(a.GoAsync(), b.GoAsync());
            await Task.WhenAll(a.WaitForExitAsync(), b.WaitForExitAsync());

            Assert.True(a.Done && b.Done, "a worker did not finish");
            Assert.All(_provider.Received, pair => Assert.Single(pair.Value));
            Assert.Equal(Numbers, _provider.Requests);
            int sentByA = a.Outcomes.Values.Count(o => o.Outcome == "sent");
            int sentByB = b.Outcomes.Values.Count(o => o.Outcome == "sent");
            Assert.Equal(Numbers, sentByA + sentByB);
            Assert.True(sentByA > 0 && sentByB > 0, $"the workers did not split the campaign: {sentByA} and {sentByB}");
            foreach (CampaignRun worker in new[] { a, b })
            {
                // Each worker accounts for every number: its own send, the other's result, or the other's send in flight.
                Assert.Equal(Numbers, worker.Outcomes.Count);
                Assert.All(worker.Outcomes.Values, o => Assert.Contains(o.Outcome, new[] { "sent", "replayed", "inflight" }));
            }

            Dictionary<string, (string Outcome, string? Sid)> final = await RunUntilSettledAsync(setup, "stream");
            AssertSettled(final, maxUnknown: 0, seed: 0);
        }

        [Fact]
        public async Task Two_processes_on_one_campaign_killed_at_random_points_send_no_number_twice()
        {
            await using RedisServer redis = await RedisServer.StartAsync();
            CampaignSetup setup = Setup(redis.Endpoint);
            int seed = Environment.TickCount;
            _output.WriteLine($"seed {seed}");

            async Task<int> WorkerAsync(int workerSeed, string mode)
            {
                var random = new Random(workerSeed);
                int kills = 0;
                for (int i = 0; i < 3; i++)
                {
                    using CampaignRun run = await CampaignRun.StartAsync(setup, mode);
                    await run.GoAsync();
                    if (await run.KillAfterAsync(TimeSpan.FromMilliseconds(random.Next(30, 250))))
                    {
                        kills++;
                    }

                    Interlocked.Add(ref _timeouts, run.TimeOuts);
                }

                return kills;
            }

            int[] kills = await Task.WhenAll(WorkerAsync(seed, "stream"), WorkerAsync(seed + 1, "list"));
            Assert.True(kills.Sum() >= 1, "no run was killed mid-campaign");
            Dictionary<string, (string Outcome, string? Sid)> final = await RunUntilSettledAsync(setup, "stream");

            AssertSettled(final, maxUnknown: kills.Sum() * MaxConcurrency, seed);
        }

        [Fact]
        public async Task Redis_killed_mid_campaign_stops_the_sends_and_nothing_was_sent_without_its_key_recorded()
        {
            string data = Path.Combine(_directory, "redis");
            Directory.CreateDirectory(data);
            RedisServer redis = await RedisServer.StartPersistentAsync(data);
            CampaignSetup setup = Setup(redis.Endpoint);
            int seed = Environment.TickCount;
            _output.WriteLine($"seed {seed}");

            CampaignRun run = await CampaignRun.StartAsync(setup, "stream");
            await run.GoAsync();
            await Task.Delay(new Random(seed).Next(100, 300));
            await redis.StopAsync(); // SIGKILL
            int sentBeforeTheOutage = _provider.Requests;
            await run.WaitForExitAsync();
            run.Dispose();

            Assert.True(run.Done, "the campaign process did not finish once Redis was gone");
            Assert.Contains(run.Outcomes.Values, o => o.Outcome == "unavailable");
            Assert.InRange(_provider.Requests, sentBeforeTheOutage, sentBeforeTheOutage + MaxConcurrency); // at most the sends already past the store
            Assert.True(_provider.Requests < Numbers, "Redis went down too late to test anything: every number was sent");

            // Same port, same data: every number that reached the provider has its key in Redis.
            await using RedisServer restarted = await RedisServer.StartPersistentAsync(data, redis.Port);
            using (ConnectionMultiplexer connection = restarted.Connect())
            {
                IDatabase db = connection.GetDatabase();
                foreach (string mobile in _provider.Received.Keys)
                {
                    string? state = await db.HashGetAsync(setup.KeyPrefix + setup.BatchId + ":" + mobile, "s");
                    Assert.True(state is "p" or "c" or "u", $"{mobile} reached the provider but its key is not in Redis");
                }
            }

            Dictionary<string, (string Outcome, string? Sid)> final = await RunUntilSettledAsync(setup, "stream");
            AssertSettled(final, maxUnknown: MaxConcurrency, seed);
        }

        private CampaignSetup Setup(string redisEndpoint)
            => new CampaignSetup(redisEndpoint, RedisFixture.UniquePrefix(), _provider.Endpoint, "campaign-" + Guid.NewGuid().ToString("N"), NumbersFile, MaxConcurrency);

        // Runs the campaign until a run is done with every number sent or of unknown outcome. A killed run's sends stay in
        // flight for their lease (the child's 3 s time-out plus 2 s), so after a run that met some, wait that out and run
        // again; a send that failed without going out (on a loaded machine, a time-out while connecting) is sent by the
        // next run. Bounded: 8 runs.
        private async Task<Dictionary<string, (string Outcome, string? Sid)>> RunUntilSettledAsync(CampaignSetup setup, string mode)
        {
            for (int attempt = 0; attempt < 8; attempt++)
            {
                using CampaignRun run = await CampaignRun.StartAsync(setup, mode);
                await run.GoAsync();
                await run.WaitForExitAsync();
                Assert.True(run.Done, "a full run of the campaign did not finish");
                _timeouts += run.TimeOuts;
                if (run.Outcomes.Values.All(o => o.Outcome is "sent" or "replayed" or "unknown"))
                {
                    return run.Outcomes;
                }

                await Task.Delay(run.Outcomes.Values.Any(o => o.Outcome == "inflight") ? TimeSpan.FromSeconds(5.5) : TimeSpan.FromMilliseconds(200));
            }

            throw new TimeoutException("the campaign still had numbers in flight or failed after 8 runs");
        }

        private void AssertSettled(Dictionary<string, (string Outcome, string? Sid)> final, int maxUnknown, int seed)
        {
            IReadOnlyDictionary<string, string[]> received = _provider.Received;
            string context = $" (seed {seed})";

            // No number reached the provider twice.
            foreach (KeyValuePair<string, string[]> pair in received)
            {
                Assert.True(pair.Value.Length == 1, $"{pair.Key} was received {pair.Value.Length} times{context}");
            }

            // Every number ends sent (with the sid of its one request) or of unknown outcome.
            Assert.Equal(_mobiles.OrderBy(m => m), final.Keys.OrderBy(m => m));
            foreach (string mobile in _mobiles)
            {
                (string outcome, string? sid) = final[mobile];
                if (outcome == "unknown")
                {
                    continue;
                }

                Assert.True(outcome is "sent" or "replayed", $"{mobile} ended as '{outcome} {sid}'{context}");
                Assert.True(received.TryGetValue(mobile, out string[]? sids), $"{mobile} is reported sent but never reached the provider{context}");
                Assert.Equal(sids![0], sid);
            }

            // At most MaxConcurrency per kill (the sends in flight when it struck), plus any send that timed out after its
            // request went out (only on a heavily loaded machine; the child's time-out is 3 s).
            int unknown = final.Values.Count(o => o.Outcome == "unknown");
            Assert.True(unknown <= maxUnknown + _timeouts, $"{unknown} numbers of unknown outcome, more than {maxUnknown} + {_timeouts} time-outs{context}");
        }
    }
}
