using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using JuheSms.Sandbox.Templates;

namespace JuheSms.Sandbox
{
    /// <summary>What <c>juhesms-sandbox</c> does: read the options and the templates files, start the server, wait for Ctrl+C.</summary>
    internal static class SandboxCommand
    {
        public const int Ok = 0;
        public const int BadTemplates = 1;
        public const int BadUsage = 2;
        public const int CannotListen = 3;

        /// <summary>Runs the tool until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop.</summary>
        /// <param name="args">The command line.</param>
        /// <param name="output">Where the address, the loaded files and warnings go.</param>
        /// <param name="error">Where errors go.</param>
        /// <param name="currentDirectory">The folder of the conventional templates files and of relative paths.</param>
        /// <param name="cancellationToken">Stops the server.</param>
        /// <param name="started">Called with the server once it listens (tests read its address from it).</param>
        public static async Task<int> RunAsync(
            IReadOnlyList<string> args,
            TextWriter output,
            TextWriter error,
            string currentDirectory,
            CancellationToken cancellationToken,
            Action<JuheSmsSandboxServer>? started = null)
        {
            CommandLine? options = CommandLine.TryParse(args, out string? usageError);
            if (options is null)
            {
                error.WriteLine(Texts.Prefix + usageError);
                error.WriteLine(Texts.SeeHelp);
                return BadUsage;
            }

            if (options.ShowHelp)
            {
                output.WriteLine(Texts.Usage);
                return Ok;
            }

            List<LoadedTemplate>? templates = LoadTemplates(options, output, error, currentDirectory, out int failure);
            if (templates is null)
            {
                return failure;
            }

            var server = new JuheSmsSandboxServer(new JuheSmsSandboxServerOptions
            {
                Urls = options.Urls,
                Key = options.Key,
                MaxMessages = options.MaxMessages,
                Signature = options.Signature,
                EnforceFrequencyLimits = options.EnforceFrequencyLimits,
            });
            await using (server.ConfigureAwait(false))
            {
                foreach (LoadedTemplate template in templates)
                {
                    server.RegisterTemplate(template.TplId, template.TextWithSignature, template.Name);
                }

                Uri baseAddress;
                try
                {
                    baseAddress = await server.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    // Kestrel's AddressInUseException is an IOException.
                    error.WriteLine(Texts.Prefix + Texts.CannotListen(options.Urls, ex.Message));
                    return CannotListen;
                }
                catch (Exception ex) when (ex is FormatException || ex is InvalidOperationException || ex is UriFormatException || ex is ArgumentException)
                {
                    error.WriteLine(Texts.Prefix + Texts.BadUrls(options.Urls, ex.Message));
                    return BadUsage;
                }

                output.WriteLine(Texts.Listening(baseAddress, server.SendEndpoint, options.Key, templates.Count));
                output.Flush();
                started?.Invoke(server);
                try
                {
                    await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Asked to stop: the normal end.
                }

                output.WriteLine(Texts.Stopped);
                return Ok;
            }
        }

        private static List<LoadedTemplate>? LoadTemplates(CommandLine options, TextWriter output, TextWriter error, string currentDirectory, out int failure)
        {
            failure = Ok;
            IReadOnlyList<string> files = options.TemplatesFiles;
            if (files.Count == 0)
            {
                files = TemplatesFileLoader.FindConventionalFiles(currentDirectory);
                if (files.Count == 0)
                {
                    error.WriteLine(Texts.Prefix + Texts.NoTemplatesFile(currentDirectory));
                    failure = BadUsage;
                    return null;
                }
            }

            var templates = new List<LoadedTemplate>();
            bool broken = false;
            foreach (string file in files)
            {
                string path = Path.IsPathRooted(file) ? file : Path.Combine(currentDirectory, file);
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    error.WriteLine(Texts.Prefix + (ex is FileNotFoundException || ex is DirectoryNotFoundException
                        ? Texts.TemplatesFileNotFound(file)
                        : Texts.TemplatesFileUnreadable(file, ex.Message)));
                    failure = BadUsage;
                    return null;
                }

                // Diagnostics name the file as it was given, so an editor or terminal can jump to it.
                LoadedTemplatesFile loaded = TemplatesFileLoader.Parse(file, text);
                foreach (LoadedDiagnostic diagnostic in loaded.Diagnostics)
                {
                    (diagnostic.IsError ? error : output).WriteLine(diagnostic.Message);
                    broken |= diagnostic.IsError;
                }

                templates.AddRange(loaded.Templates);
                output.WriteLine(Texts.Loaded(file, loaded.Templates.Count));
            }

            if (broken)
            {
                error.WriteLine(Texts.Prefix + Texts.TemplatesHaveErrors);
                failure = BadTemplates;
                return null;
            }

            return templates;
        }
    }
}
