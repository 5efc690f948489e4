using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using JuheSms.Sandbox.Faults;
using JuheSms.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace JuheSms.Sandbox.Endpoints
{
    /// <summary><c>POST /api/faults</c> asks for a fault, <c>GET /api/faults</c> lists the waiting ones, <c>DELETE /api/faults</c> drops them.</summary>
    internal static class FaultsEndpoints
    {
        public static async Task AddAsync(HttpContext context, SandboxState state)
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            Fault? fault = FaultRequest.TryParse(body, out string? error);
            if (fault is null)
            {
                await SandboxJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!);
                return;
            }

            state.AddFault(fault);
            await SandboxJson.WriteAsync(context, Describe(state.Faults), StatusCodes.Status201Created);
        }

        public static Task ListAsync(HttpContext context, SandboxState state)
            => SandboxJson.WriteAsync(context, Describe(state.Faults));

        public static Task ClearAsync(HttpContext context, SandboxState state)
        {
            state.ClearFaults();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        private static List<FaultView> Describe(List<Fault> faults)
        {
            var views = new List<FaultView>(faults.Count);
            foreach (Fault fault in faults)
            {
                views.Add(new FaultView(
                    fault.KindName,
                    fault.Kind == FaultKind.ErrorCode ? fault.ErrorCode : null,
                    fault.Kind == FaultKind.Delay ? fault.DelayMs : null,
                    fault.Remaining));
            }

            return views;
        }

        /// <summary>A waiting fault: its kind, its value and how many sends it still hits.</summary>
        private sealed record FaultView(string Kind, int? ErrorCode, int? DelayMs, int Remaining);
    }
}
