using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using JuheSms.Internal;
using JuheSms.Tests.Fakes;
using Xunit;
using Xunit.Abstractions;

namespace JuheSms.Tests
{
    /// <summary>
    /// Counts bytes allocated (not time): the writer must allocate little more than the body it returns, far less than
    /// the Dictionary + JsonSerializer + FormUrlEncodedContent way. The benchmark project measures speed.
    /// </summary>
    public class RequestWriterAllocationTests
    {
        private static readonly JsonSerializerOptions NaiveOptions = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly ITestOutputHelper _output;

        public RequestWriterAllocationTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [InlineData(VariableEncoding.Vars)]
        [InlineData(VariableEncoding.TplValue)]
        public void The_writer_allocates_about_the_body_and_less_than_the_naive_way(VariableEncoding encoding)
        {
            IReadOnlyDictionary<string, string> variables = new Dictionary<string, string> { ["name"] = "张三", ["code"] = "123456", ["note"] = "a&b=c 100%" };

            byte[] body = SmsRequestWriter.WriteBody(TestData.Key, TestData.Mobile, TestData.TplId, variables, "01", encoding);
            Naive(variables);

            long writer = Measure(() => SmsRequestWriter.WriteBody(TestData.Key, TestData.Mobile, TestData.TplId, variables, "01", encoding));
            long naive = Measure(() => Naive(variables));
            _output.WriteLine($"{encoding}: body {body.Length} bytes, writer allocated {writer} bytes, naive {naive} bytes");

            // The returned array (body + ~24 bytes of header) plus the boxed dictionary enumerator.
            Assert.True(writer <= body.Length + 128, $"writer allocated {writer} bytes for a {body.Length}-byte body");
            Assert.True(writer * 3 < naive, $"writer {writer} bytes vs naive {naive} bytes");
        }

        private static long Measure(Action action)
        {
            const int Runs = 20;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Runs; i++)
            {
                action();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;
        }

        private static byte[] Naive(IReadOnlyDictionary<string, string> variables)
        {
            var fields = new Dictionary<string, string>
            {
                ["key"] = TestData.Key,
                ["mobile"] = TestData.Mobile,
                ["tpl_id"] = TestData.TplId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["vars"] = JsonSerializer.Serialize(variables, NaiveOptions),
                ["ext"] = "01",
            };
            return new FormUrlEncodedContent(fields).ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
    }
}
