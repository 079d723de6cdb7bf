using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Persona.Notebooks.Execution;
using Persona.Notebooks.Format;
using Persona.Notebooks.Hosting;

// Two measurements of the headless runner on notebooks of trivial cells:
//  1. per cell, in process (the child's code path): wall and CPU time from one cell's start to the next,
//     which includes compiling, running, formatting the value and rewriting the output notebook;
//  2. whole notebook through the runner (child process, Roslyn warm-up, every cell), median of 3.
var cellCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 101;
var work = Path.GetFullPath(Path.Combine("bench", ".work", "notebooks"));
Directory.CreateDirectory(work);
var small = Path.Combine(work, "trivial-1.ipynb");
var large = Path.Combine(work, $"trivial-{cellCount}.ipynb");
File.WriteAllText(small, TrivialNotebook(1));
File.WriteAllText(large, TrivialNotebook(cellCount));

// 1. Per cell, in process.
var loaded = await NotebookDocument.LoadAsync(large);
var self = Process.GetCurrentProcess();
var marks = new List<(TimeSpan Wall, TimeSpan Cpu)>();
var clock = Stopwatch.StartNew();
var result = await new NotebookExecutor(new NotebookExecutionOptions()).ExecuteAsync(
    loaded.Document!,
    Path.Combine(work, "out", "in-process.ipynb"),
    (doc, ct) => Persona.Core.Storage.AtomicFile.WriteAllTextAsync(doc.Path, doc.ToJson(), ct),
    _ =>
    {
        self.Refresh();
        marks.Add((clock.Elapsed, self.TotalProcessorTime));
    });
self.Refresh();
marks.Add((clock.Elapsed, self.TotalProcessorTime));
if (!result.Succeeded)
    throw new InvalidOperationException(result.StoppedAt!.Message);
var wall = Enumerable.Range(1, marks.Count - 1).Select(i => (marks[i].Wall - marks[i - 1].Wall).TotalMilliseconds).ToList();
var cpu = Enumerable.Range(1, marks.Count - 1).Select(i => (marks[i].Cpu - marks[i - 1].Cpu).TotalMilliseconds).ToList();
Console.WriteLine($"in process, {cellCount} cells: first cell {wall[0]:0} ms wall / {cpu[0]:0} ms CPU (after the kernel prelude)");
Console.WriteLine($"  cells 2..{cellCount}: wall median {Median(wall.Skip(1))} ms, p90 {Percentile(wall.Skip(1), 0.9)} ms; CPU median {Median(cpu.Skip(1))} ms, p90 {Percentile(cpu.Skip(1), 0.9)} ms");

// 2. Whole notebook through the runner.
foreach (var path in new[] { small, large })
{
    var times = new List<double>();
    for (var r = 0; r < 3; r++)
    {
        var run = Stopwatch.StartNew();
        var outcome = await new NotebookRunner(TextWriter.Null).RunAsync(new NotebookRunOptions { Inputs = [path], OutputDirectory = Path.Combine(work, "out") });
        if (outcome.Failed > 0)
            throw new InvalidOperationException(outcome.Notebooks[0].Describe());
        times.Add(run.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"runner, {Path.GetFileName(path)}: whole notebook median {Median(times)} ms (runs: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})");
}

self.Refresh();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, 1-min load average {LoadAverage()}");

static string Median(IEnumerable<double> values) => Percentile(values, 0.5);

static string Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))].ToString("0.0", CultureInfo.InvariantCulture);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

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
