using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Hosting;

/// <summary>What <see cref="NotebookRunner"/> runs and how. <see cref="Validate"/> reports every problem at once.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Notebook files, or folders whose <c>*.ipynb</c> files run in name order.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Where executed notebooks are written (same file name as the input).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Where a static HTML page of each executed notebook is written, or null for none.</summary>
    public string? HtmlDirectory { get; init; }

    public IReadOnlyList<ParameterValue> Parameters { get; init; } = [];

    /// <summary>A JSON or YAML file mapping input prompts to answers.</summary>
    public string? AnswersPath { get; init; }

    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public bool AllowErrors { get; init; }

    /// <summary>Stop after the first notebook that does not pass (pipelines: later stages need earlier outputs).</summary>
    public bool StopOnFirstFailure { get; init; }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Inputs.Count == 0)
            problems.Add("no notebook or folder given");
        foreach (var input in Inputs)
        {
            if (!File.Exists(input) && !Directory.Exists(input))
                problems.Add($"{input}: no such notebook or folder");
            else if (File.Exists(input) && !input.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{input}: not an .ipynb file");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
            problems.Add("an output folder is required");
        if (AnswersPath is not null && !File.Exists(AnswersPath))
            problems.Add($"answers file {AnswersPath} does not exist");
        if (CellTimeout <= TimeSpan.Zero)
            problems.Add("the cell timeout must be positive");
        if (NotebookTimeout <= TimeSpan.Zero)
            problems.Add("the notebook timeout must be positive");
        var duplicates = Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            problems.Add("parameter given twice: " + string.Join(", ", duplicates));
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems));
    }

    /// <summary>The notebook files the inputs name, in run order (folders expand to their <c>*.ipynb</c> by name).</summary>
    public IReadOnlyList<string> ExpandNotebooks()
    {
        var files = new List<string>();
        foreach (var input in Inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*.ipynb")
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(input);
            }
        }

        return files;
    }
}
