using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Persona.Notebooks.Hosting;

// Whole-notebook time of the headless runner (child process, Roslyn warm-up, every cell, output
// rewritten after each cell) for notebooks of 1, 21 and 101 trivial cells; the per-cell overhead after
// the first cell is the slope between the largest and the smallest.
var counts = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 21, 101];
const int Repeats = 3;
var work = Path.GetFullPath(Path.Combine("bench", ".work", "notebooks"));
Directory.CreateDirectory(work);

var medians = new Dictionary<int, double>();
foreach (var count in counts)
{
    var path = Path.Combine(work, $"trivial-{count}.ipynb");
    File.WriteAllText(path, TrivialNotebook(count));
    var times = new List<double>();
    for (var r = 0; r < Repeats; r++)
    {
        var clock = Stopwatch.StartNew();
        var result = await new NotebookRunner(TextWriter.Null).RunAsync(new NotebookRunOptions { Inputs = [path], OutputDirectory = Path.Combine(work, "out") });
        clock.Stop();
        if (result.Failed > 0)
            throw new InvalidOperationException(result.Notebooks[0].Describe());
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    medians[count] = times[Repeats / 2];
    Console.WriteLine($"{count,4} cells: median {medians[count],8:0} ms  (runs: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})");
}

var (small, large) = (counts.Min(), counts.Max());
if (large > small)
    Console.WriteLine($"per-cell overhead after the first cell: {(medians[large] - medians[small]) / (large - small):0.0} ms (slope {small}→{large} cells)");

static string TrivialNotebook(int cells)
{
    // Cell i declares a variable from the previous one and ends in an expression, so every cell compiles,
    // runs, formats a return value and is written to the output notebook.
    var list = Enumerable.Range(0, cells).Select(i => new Dictionary<string, object?>
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new Dictionary<string, object>(),
        ["outputs"] = Array.Empty<object>(),
        ["source"] = i == 0 ? "var v0 = 0;\nv0" : $"var v{i} = v{i - 1} + 1;\nv{i}",
    });
    return JsonSerializer.Serialize(new
    {
        cells = list,
        metadata = new { kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" } },
        nbformat = 4,
        nbformat_minor = 2,
    });
}
