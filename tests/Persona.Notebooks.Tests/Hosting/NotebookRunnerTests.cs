using Persona.Notebooks.Execution;
using Persona.Notebooks.Hosting;
using Persona.Tests;
using static Persona.Notebooks.Tests.TestNotebook;

namespace Persona.Notebooks.Tests.Hosting;

/// <summary>The runner end to end: a child process per notebook, time limits enforced by killing it.</summary>
public sealed class NotebookRunnerTests
{
    [Fact]
    public async Task Run_InfiniteLoop_IsKilledAndReportedWithCellIndex()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("spin.ipynb"),
            Code("Console.WriteLine(\"before\");"),
            Markdown("spin"),
            Code("while (true) { }"),
            Code("Console.WriteLine(\"never\");"));
        using var log = new StringWriter();

        var result = await new NotebookRunner(log).RunAsync(new NotebookRunOptions
        {
            Inputs = [path],
            OutputDirectory = temp.Combine("out"),
            CellTimeout = TimeSpan.FromSeconds(4),
        }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Notebooks);
        Assert.Equal(NotebookStatus.TimedOut, outcome.Status);
        Assert.Equal((2, 2), (outcome.Failure!.CellIndex, outcome.Failure.CodeOrdinal));
        Assert.Contains("cell timeout of 4 s", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("0 passed, 1 failed", result.Summary);
        Assert.Contains("FAIL " + path + " cell 2 (code #2)", log.ToString(), StringComparison.Ordinal);
        // The partial transcript: the first cell's output, the killed cell marked, the rest untouched.
        var output = Load(outcome.OutputPath);
        Assert.Equal("before\n", Text(Outputs(output, 0)[0]!));
        Assert.Contains("cell timeout", (string?)Outputs(output, 2)[0]!["evalue"], StringComparison.Ordinal);
        Assert.Empty(Outputs(output, 3));
    }

    [Fact]
    public async Task Run_NotebookTimeout_KillsTheChild()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("slow.ipynb"), Code("System.Threading.Thread.Sleep(60_000);"));
        using var log = new StringWriter();

        var result = await new NotebookRunner(log).RunAsync(new NotebookRunOptions
        {
            Inputs = [path],
            OutputDirectory = temp.Combine("out"),
            NotebookTimeout = TimeSpan.FromSeconds(3),
        }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Notebooks);
        Assert.Equal(NotebookStatus.TimedOut, outcome.Status);
        Assert.Contains("notebook timeout of 3 s", outcome.Message, StringComparison.Ordinal);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Run_Folder_RunsEachInOwnProcessAndSummarises()
    {
        using var temp = TestPaths.CreateTempDirectory();
        Write(temp.Combine("nbs", "a-ok.ipynb"),
            Code("var n = 1;", "parameters"),
            Code("var name = await GetInputAsync(\"Name?\");\nConsole.WriteLine($\"{name} {n} {System.Environment.ProcessId}\");"));
        Write(temp.Combine("nbs", "b-fail.ipynb"), Code("var x = 1;\nvar y = 0;\nConsole.WriteLine(x / y);"));
        File.WriteAllText(temp.Combine("answers.yaml"), "Name?: Ada\n");
        using var log = new StringWriter();

        var result = await new NotebookRunner(log).RunAsync(new NotebookRunOptions
        {
            Inputs = [temp.Combine("nbs")],
            OutputDirectory = temp.Combine("out"),
            HtmlDirectory = temp.Combine("html"),
            AnswersPath = temp.Combine("answers.yaml"),
            Parameters = [ParameterValue.Parse("n=7")],
        }, TestContext.Current.CancellationToken);

        Assert.Equal("1 passed, 1 failed", result.Summary);
        Assert.Equal([NotebookStatus.Passed, NotebookStatus.Failed], result.Notebooks.Select(n => n.Status));
        var printed = Text(Outputs(Load(result.Notebooks[0].OutputPath), 2)[0]!);
        Assert.StartsWith("Ada 7 ", printed, StringComparison.Ordinal);
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), printed.Split(' ')[2].Trim());
        var failure = result.Notebooks[1].Failure!;
        Assert.Equal((0, 3), (failure.CellIndex, failure.Line));
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.", failure.Message);
        Assert.True(File.Exists(temp.Combine("html", "a-ok.html")));
        Assert.Contains("cell 1 (code #2)", log.ToString(), StringComparison.Ordinal);
        NbformatAssert.Valid(Load(result.Notebooks[1].OutputPath));
    }

    [Fact]
    public async Task Run_MissingAnswer_FailsInsteadOfWaiting()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("ask.ipynb"), Code("#!set --name goal --value @input:\"Your goal?\"\ngoal"));
        using var log = new StringWriter();

        var result = await new NotebookRunner(log).RunAsync(new NotebookRunOptions
        {
            Inputs = [path],
            OutputDirectory = temp.Combine("out"),
            CellTimeout = TimeSpan.FromSeconds(60),
        }, TestContext.Current.CancellationToken);

        var outcome = Assert.Single(result.Notebooks);
        Assert.Equal(NotebookStatus.Failed, outcome.Status);
        Assert.Contains("no answer for input prompt \"Your goal?\"", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidOptions_ReportsEveryProblem()
    {
        using var temp = TestPaths.CreateTempDirectory();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new NotebookRunner(TextWriter.Null).RunAsync(new NotebookRunOptions
        {
            Inputs = [temp.Combine("none.ipynb")],
            OutputDirectory = temp.Combine("out"),
            CellTimeout = TimeSpan.Zero,
            AnswersPath = temp.Combine("nope.yaml"),
        }, TestContext.Current.CancellationToken));

        Assert.Contains("none.ipynb: no such notebook", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nope.yaml does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cell timeout must be positive", ex.Message, StringComparison.Ordinal);
    }
}
