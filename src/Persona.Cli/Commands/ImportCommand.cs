using System.CommandLine;
using Persona.Core.Import;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona import &lt;paths…&gt; [--out DIR] [--branches active|all]</c>: reads chat exports and writes
/// <c>extracted/</c>. The report table goes to stdout; progress and errors to stderr.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var pathsArgument = new Argument<string[]>("paths")
        {
            Description = "Export files (conversations.json, shards, .jsonl), export folders or zip archives.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outOption = CommonOptions.Out();
        var branchesOption = new Option<BranchSelection>("--branches")
        {
            Description = "active: only the thread last shown; all: also abandoned branches (marked off the active branch).",
            DefaultValueFactory = _ => BranchSelection.Active,
        };
        var command = new Command("import", "Import chat-history exports (ChatGPT, Claude, ShareGPT, OpenAI fine-tuning JSONL).")
        {
            pathsArgument,
            outOption,
            branchesOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = parse.GetValue(pathsArgument)!;
            var paths = new PipelinePaths(parse.GetValue(outOption)!.FullName);
            var importer = new ChatImporter(new ImportOptions { Branches = parse.GetValue(branchesOption) });
            var report = await ImportProgressDisplay.RunAsync(
                context,
                progress => importer.ImportAsync(inputs, paths, progress, cancellationToken)).ConfigureAwait(false);

            ImportSummary.Write(context.Output, report, paths);
            foreach (var file in report.Files.Where(f => f.Error is not null))
                await context.Error.WriteLineAsync("persona: " + file.Error).ConfigureAwait(false);
            var diagnostics = report.Files.Sum(f => f.Diagnostics.Count + f.DiagnosticsOmitted);
            if (diagnostics > 0 && report.Succeeded)
                await context.Error.WriteLineAsync($"persona: {diagnostics} diagnostic(s) about damaged content; see {paths.ImportReport}").ConfigureAwait(false);
            if (!report.Succeeded)
                throw new CliException($"import failed: {report.Files.Count(f => f.Error is not null)} file(s) could not be read; nothing was written");
            return ExitCodes.Success;
        });
        return command;
    }
}
