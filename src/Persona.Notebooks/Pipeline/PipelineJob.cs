using System.Text.RegularExpressions;
using Persona.Notebooks.Execution;
using Persona.Notebooks.Format;
using Persona.Notebooks.Hosting;

namespace Persona.Notebooks.Pipeline;

/// <summary>
/// The main job (<c>persona run</c>): runs the pipeline notebooks <c>NN-name.ipynb</c> with NN from 01 to
/// <see cref="LastStage"/> in numeric order, passing <c>inputPaths</c> (string[]) and <c>outDir</c> (string)
/// as parameters, writing executed notebooks to <c>&lt;out&gt;/notebooks/</c> and HTML pages to
/// <c>&lt;out&gt;/reports/</c>. Notebooks that ask for typed input are skipped unless an answers file is given.
/// A pipeline stops at the first failing stage: later stages read its outputs.
/// </summary>
public sealed partial class PipelineJob(TextWriter log)
{
    /// <summary>Training (08+) is not part of the main job; run it on demand with <c>persona notebooks run</c>.</summary>
    public const int LastStage = 7;

    public const string InputPathsParameter = "inputPaths";
    public const string OutDirParameter = "outDir";

    public static IReadOnlyList<PipelineStage> Discover(string notebooksDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(notebooksDirectory);
        if (!Directory.Exists(notebooksDirectory))
            throw new ArgumentException($"notebook folder {notebooksDirectory} does not exist");
        var stages = new List<PipelineStage>();
        foreach (var file in Directory.EnumerateFiles(notebooksDirectory, "*.ipynb"))
        {
            var match = StageName().Match(Path.GetFileName(file));
            if (!match.Success)
                continue;
            var number = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (number is < 1 or > LastStage)
                continue;
            stages.Add(new PipelineStage(number, file, IsInteractive(file)));
        }

        return [.. stages.OrderBy(s => s.Number).ThenBy(s => s.Path, StringComparer.Ordinal)];
    }

    public async Task<NotebookRunResult> RunAsync(PipelineJobOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stages = Discover(options.NotebooksDirectory);
        if (stages.Count == 0)
            throw new ArgumentException($"no pipeline notebooks (01-…ipynb to 0{LastStage}-…ipynb) in {options.NotebooksDirectory}");

        var selected = new List<string>();
        foreach (var stage in stages)
        {
            if (stage.Interactive && options.AnswersPath is null)
            {
                await log.WriteLineAsync($"skip {stage.Path}: it asks for typed input (give --answers FILE to run it)").ConfigureAwait(false);
                continue;
            }

            selected.Add(stage.Path);
        }

        var missing = new List<string>();
        foreach (var path in selected)
        {
            var loaded = await NotebookDocument.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            if (loaded.Document is null)
                missing.Add(loaded.Diagnostic!.ToString());
            else
                missing.AddRange(ReferenceCheck.FindMissing(loaded.Document).Select(d => d.ToString()));
        }

        if (missing.Count > 0)
            throw new PipelinePreflightException(string.Join("\n", missing.Distinct()));

        var outDir = Path.GetFullPath(options.OutputDirectory);
        await log.WriteLineAsync($"running {selected.Count} notebook(s): {string.Join(", ", selected.Select(Path.GetFileName))}").ConfigureAwait(false);
        var runner = new NotebookRunner(log);
        return await runner.RunAsync(new NotebookRunOptions
        {
            Inputs = selected,
            OutputDirectory = Path.Combine(outDir, "notebooks"),
            HtmlDirectory = Path.Combine(outDir, "reports"),
            Parameters =
            [
                ParameterValue.FromStrings(InputPathsParameter, options.InputPaths.Select(Path.GetFullPath)),
                ParameterValue.FromString(OutDirParameter, outDir),
            ],
            AnswersPath = options.AnswersPath,
            CellTimeout = options.CellTimeout,
            NotebookTimeout = options.NotebookTimeout,
            StopOnFirstFailure = true,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A notebook asks for typed input when a code cell calls the input helpers or uses <c>@input</c>/<c>@password</c>.</summary>
    public static bool IsInteractive(string notebookPath)
    {
        var loaded = NotebookDocument.Parse(notebookPath, File.ReadAllText(notebookPath));
        if (loaded.Document is null)
            return false;
        return loaded.Document.Cells.Where(c => c.Kind == CellKind.Code).Any(c =>
        {
            var source = c.Source;
            return source.Contains("GetInputAsync", StringComparison.Ordinal)
                || source.Contains("GetPasswordAsync", StringComparison.Ordinal)
                || source.Contains("@input", StringComparison.Ordinal)
                || source.Contains("@password", StringComparison.Ordinal);
        });
    }

    [GeneratedRegex(@"^(?<n>\d{2})-[^.].*\.ipynb$", RegexOptions.CultureInvariant)]
    private static partial Regex StageName();
}
