using Persona.Tests;
using static Persona.Cli.Tests.Commands.NotebookFiles;

namespace Persona.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_PipelineFolder_RunsNumberedNotebooksInOrderWithInputAndOut()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var notebooks = temp.Combine("notebooks");
        // The real authoring contract: the library build output by relative path, parameters cell, PipelinePaths.
        CopyNotebookLibrary(temp.Combine("artifacts", "nblib"));
        Write(Path.Combine(notebooks, "02-second.ipynb"),
            Cell("string[] inputPaths = [];\nvar outDir = \"unset\";", "parameters"),
            Cell("System.IO.File.AppendAllText(System.IO.Path.Combine(outDir, \"order.txt\"), \"2\");"));
        Write(Path.Combine(notebooks, "01-first.ipynb"),
            Cell("#r \"../artifacts/nblib/Persona.Core.dll\""),
            Cell("string[] inputPaths = [];\nvar outDir = \"unset\";", "parameters"),
            Cell("var paths = new Persona.Core.Pipeline.PipelinePaths(outDir);\nSystem.IO.Directory.CreateDirectory(outDir);\nSystem.IO.File.WriteAllText(System.IO.Path.Combine(outDir, \"order.txt\"), \"1\");\nSystem.IO.File.WriteAllText(System.IO.Path.Combine(outDir, \"inputs.txt\"), string.Join(\"|\", inputPaths));\npaths.Reports"),
            Cell("Persona.Core.Display.HtmlBlock.Heading(\"Stage one\")"));
        Write(Path.Combine(notebooks, "05-interview.ipynb"), Cell("var a = await GetInputAsync(\"How are you?\");"));
        Write(Path.Combine(notebooks, "08-train.ipynb"), Cell("throw new Exception(\"training is not part of the main job\");"));
        Write(Path.Combine(notebooks, "scratch.ipynb"), Cell("throw new Exception(\"not a pipeline notebook\");"));
        var input = temp.Combine("export.json");
        File.WriteAllText(input, "[]");
        var outDir = temp.Combine("out");

        var run = await CliRunner.RunAsync("run", "--notebooks", notebooks, "--input", input, "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("12", File.ReadAllText(Path.Combine(outDir, "order.txt")));
        Assert.Equal(input, File.ReadAllText(Path.Combine(outDir, "inputs.txt")));
        Assert.Contains("skip " + Path.Combine(notebooks, "05-interview.ipynb"), run.Error, StringComparison.Ordinal);
        Assert.Contains("running 2 notebook(s): 01-first.ipynb, 02-second.ipynb", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("2 passed, 0 failed\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "notebooks", "01-first.ipynb")));
        Assert.True(File.Exists(Path.Combine(outDir, "reports", "02-second.html")));
        var executed = File.ReadAllText(Path.Combine(outDir, "notebooks", "01-first.ipynb"));
        Assert.Contains(Path.Combine(outDir, "reports"), executed, StringComparison.Ordinal);
        // The library's display convention renders through the runner: text/html and text/plain.
        Assert.Contains("\"text/html\": [\n       \"<h2>Stage one</h2>\"\n      ]", executed, StringComparison.Ordinal);
        Assert.Contains("\"text/plain\": [\n       \"Stage one\"\n      ]", executed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAnswers_RunsInteractiveNotebookAndStopsAtFirstFailure()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var notebooks = temp.Combine("notebooks");
        Write(Path.Combine(notebooks, "05-interview.ipynb"), Cell("var a = await GetInputAsync(\"How are you?\");\nthrow new Exception(a);"));
        Write(Path.Combine(notebooks, "06-personas.ipynb"), Cell("1"));
        var answers = temp.Combine("answers.yaml");
        File.WriteAllText(answers, "How are you?: tired\n");

        var run = await CliRunner.RunAsync("run", "--notebooks", notebooks, "--input", temp.Path, "--out", temp.Combine("out"), "--answers", answers);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("05-interview.ipynb cell 0 (code #1, line 2): System.Exception: tired", run.Error, StringComparison.Ordinal);
        Assert.Contains("stopping: 1 later notebook(s) not run", run.Error, StringComparison.Ordinal);
        Assert.Contains("0 passed, 1 failed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LibraryNotBuilt_FailsWithPreciseMessage()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var notebooks = temp.Combine("notebooks");
        Write(Path.Combine(notebooks, "01-import.ipynb"), Cell("#r \"../artifacts/nblib/Persona.Core.dll\""));

        var run = await CliRunner.RunAsync("run", "--notebooks", notebooks, "--input", temp.Path, "--out", temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("01-import.ipynb cell 0, line 1: #r \"../artifacts/nblib/Persona.Core.dll\" not found", run.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet build src/Persona.Core -c Release", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoPipelineNotebooks_SaysSo()
    {
        using var temp = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("run", "--notebooks", temp.Path, "--input", temp.Path, "--out", temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no pipeline notebooks", run.Error, StringComparison.Ordinal);
    }

    private static void CopyNotebookLibrary(string destination)
    {
        var source = Path.Combine(TestPaths.RepoRoot, "artifacts", "nblib");
        Assert.True(File.Exists(Path.Combine(source, "Persona.Core.dll")), "building the tests builds Persona.Core, which places the library in artifacts/nblib");
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
    }
}
