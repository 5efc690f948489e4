using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace JuheSms.Package.Tests.Infrastructure;

/// <summary>The outcome of one nested <c>dotnet</c> command.</summary>
internal sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, string Output)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>Everything needed to understand a failure, for assertion messages.</summary>
    public override string ToString() =>
        $"`{CommandLine}` in {WorkingDirectory} -> exit {ExitCode}{(TimedOut ? " (TIMED OUT)" : "")}{Environment.NewLine}{Output}";
}

/// <summary>
/// Runs the SDK's <c>dotnet</c> as a child process with a clean environment: the test host inherits variables from the
/// <c>dotnet test</c> that started it (MSBuild's own paths, the host path, node reuse), and a nested build that sees
/// them may load the wrong SDK pieces or hang on a shared node.
/// </summary>
internal static class DotnetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] InheritedPrefixesToDrop =
    {
        "MSBUILD", "_MSBUILD", "DOTNET_HOST_PATH", "VSTEST_", "TESTINGPLATFORM_", "NUGET_PACKAGES",
        "DOTNET_STARTUP_HOOKS", "COREHOST_TRACE",
    };

    public static string DotnetPath { get; } = FindDotnet();

    /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>; never throws for a failing command.</summary>
    public static CommandResult Run(
        string workingDirectory,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(DotnetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var key in psi.Environment.Keys.ToList())
        {
            foreach (var prefix in InheritedPrefixesToDrop)
            {
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    psi.Environment.Remove(key);
                    break;
                }
            }
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
        psi.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (environment is not null)
        {
            foreach (var pair in environment)
            {
                psi.Environment[pair.Key] = pair.Value;
            }
        }

        var output = new StringBuilder();
        var gate = new object();
        using var process = new Process { StartInfo = psi };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;

        var commandLine = "dotnet " + string.Join(" ", args);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? DefaultTimeout;
        var exited = process.WaitForExit((int)limit.TotalMilliseconds);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the time-out and the kill.
            }

            process.WaitForExit(10_000);
        }
        else
        {
            process.WaitForExit(); // flushes the asynchronous output readers
        }

        string text;
        lock (gate)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, !exited, text);
    }

    private static string FindDotnet()
    {
        // The test host runs under the very dotnet that `dotnet test` used: take the same one.
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
