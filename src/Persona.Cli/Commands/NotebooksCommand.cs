using System.CommandLine;
using Persona.Core.Pipeline;
using Persona.Notebooks.Execution;
using Persona.Notebooks.Hosting;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona notebooks run [NOTEBOOK|DIR …] [-p name=value …] [--answers FILE] [--out DIR] [--html DIR]
/// [--timeout-cell S] [--timeout-notebook S] [--allow-errors]</c>: executes notebooks headless, one
/// process each, writes the executed notebooks, prints <c>N passed, N failed</c>.
/// </summary>
internal static class NotebooksCommand
{
    public static Command Create(CliContext context)
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Notebook files or folders (their *.ipynb run in name order).", Arity = ArgumentArity.OneOrMore };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "name=value, injected after the cell tagged 'parameters' (typed from the literal: int, double, bool, else string).", AllowMultipleArgumentsPerToken = false };
        var answers = new Option<FileInfo?>("--answers") { Description = "JSON or YAML file mapping input prompts to answers." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for the executed notebooks.", DefaultValueFactory = _ => new DirectoryInfo(PipelinePaths.Default.Notebooks) };
        var html = new Option<DirectoryInfo?>("--html") { Description = "Also write a static HTML page per executed notebook to this folder." };
        var cellTimeout = new Option<double>("--timeout-cell") { Description = "Seconds one cell may run before the notebook process is killed.", DefaultValueFactory = _ => 120 };
        var notebookTimeout = new Option<double>("--timeout-notebook") { Description = "Seconds one notebook may run before its process is killed.", DefaultValueFactory = _ => 600 };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run every cell even after one fails; errors stay in the outputs." };

        var run = new Command("run", "Execute notebooks headless and write them with their outputs.")
        {
            notebooks, parameters, answers, outDir, html, cellTimeout, notebookTimeout, allowErrors,
        };
        run.SetAction(async (parse, cancellationToken) =>
        {
            NotebookRunOptions options;
            try
            {
                options = new NotebookRunOptions
                {
                    Inputs = parse.GetValue(notebooks) ?? [],
                    Parameters = [.. (parse.GetValue(parameters) ?? []).Select(ParameterValue.Parse)],
                    AnswersPath = parse.GetValue(answers)?.FullName,
                    OutputDirectory = parse.GetValue(outDir)!.FullName,
                    HtmlDirectory = parse.GetValue(html)?.FullName,
                    CellTimeout = TimeSpan.FromSeconds(parse.GetValue(cellTimeout)),
                    NotebookTimeout = TimeSpan.FromSeconds(parse.GetValue(notebookTimeout)),
                    AllowErrors = parse.GetValue(allowErrors),
                };
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }

            NotebookRunResult result;
            try
            {
                result = await new NotebookRunner(context.Error).RunAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }

            foreach (var notebook in result.Notebooks)
                await context.Output.WriteLineAsync(notebook.OutputPath).ConfigureAwait(false);
            await context.Error.WriteLineAsync(result.Summary).ConfigureAwait(false);
            return result.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });

        return new Command("notebooks", "Run the project's notebooks headless.") { run };
    }
}
