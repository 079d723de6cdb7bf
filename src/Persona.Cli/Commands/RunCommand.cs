using System.CommandLine;
using Persona.Core.Pipeline;
using Persona.Notebooks.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona run [--input PATH …] [--out DIR] [--notebooks DIR] [--answers FILE]</c>: the main job —
/// runs the pipeline notebooks headless in numeric order (see <see cref="PipelineJob"/>).
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string[]>("--input") { Description = "Chat export files or folders to import (default: the bundled sample in data/samples).", DefaultValueFactory = _ => [PipelineJobOptions.DefaultInput] };
        var outDir = CommonOptions.Out();
        var notebooks = new Option<DirectoryInfo>("--notebooks") { Description = "Folder holding the pipeline notebooks 01-…ipynb to 07-…ipynb.", DefaultValueFactory = _ => new DirectoryInfo(PipelineJobOptions.DefaultNotebooks) };
        var answers = new Option<FileInfo?>("--answers") { Description = "Answers for notebooks that ask for input (e.g. the interview); without it those notebooks are skipped." };
        var cellTimeout = new Option<double>("--timeout-cell") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 120 };
        var notebookTimeout = new Option<double>("--timeout-notebook") { Description = "Seconds one notebook may run.", DefaultValueFactory = _ => 600 };

        var command = new Command("run", "Run the whole pipeline headless: the numbered notebooks in order, executed notebooks and HTML reports under --out.")
        {
            input, outDir, notebooks, answers, cellTimeout, notebookTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PipelineJobOptions
            {
                InputPaths = parse.GetValue(input) ?? [PipelineJobOptions.DefaultInput],
                OutputDirectory = parse.GetValue(outDir)!.FullName,
                NotebooksDirectory = parse.GetValue(notebooks)!.FullName,
                AnswersPath = parse.GetValue(answers)?.FullName,
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(cellTimeout)),
                NotebookTimeout = TimeSpan.FromSeconds(parse.GetValue(notebookTimeout)),
            };
            foreach (var path in options.InputPaths)
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                    throw new CliException($"input {path} does not exist");
            }

            Persona.Notebooks.Hosting.NotebookRunResult result;
            try
            {
                result = await new PipelineJob(context.Error).RunAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }
            catch (PipelinePreflightException ex)
            {
                throw new CliException(ex.Message);
            }

            foreach (var notebook in result.Notebooks)
                await context.Output.WriteLineAsync(notebook.OutputPath).ConfigureAwait(false);
            await context.Error.WriteLineAsync(result.Summary).ConfigureAwait(false);
            return result.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
