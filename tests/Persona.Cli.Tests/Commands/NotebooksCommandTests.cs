using Persona.Tests;
using static Persona.Cli.Tests.Commands.NotebookFiles;

namespace Persona.Cli.Tests.Commands;

public sealed class NotebooksCommandTests
{
    [Fact]
    public async Task NotebooksRun_ParametersAndAllowErrors_WritesExecutedNotebook()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("nb.ipynb"),
            Cell("var rows = 1;", "parameters"),
            Cell("throw new Exception(\"tolerated\");"),
            Cell("Console.WriteLine(rows * 2);"));

        var run = await CliRunner.RunAsync("notebooks", "run", path, "-p", "rows=21", "--allow-errors", "--out", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(temp.Combine("out", "nb.ipynb") + "\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("allowed error: " + path + " cell 1 (code #2, line 1): System.Exception: tolerated", run.Error, StringComparison.Ordinal);
        Assert.Contains("\"42\\n\"", File.ReadAllText(temp.Combine("out", "nb.ipynb")), StringComparison.Ordinal);
        Assert.Contains("1 passed, 0 failed", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p", "1bad=2", "not a C# identifier")]
    [InlineData("--timeout-cell", "0", "cell timeout must be positive")]
    public async Task NotebooksRun_BadArguments_ExitTwo(string option, string value, string expected)
    {
        using var temp = TestPaths.CreateTempDirectory();
        var path = Write(temp.Combine("nb.ipynb"), Cell("1"));

        var run = await CliRunner.RunAsync("notebooks", "run", path, option, value, "--out", temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebooksRun_EmptyFolder_ExitTwo()
    {
        using var temp = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("notebooks", "run", temp.Path, "--out", temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no .ipynb notebooks in " + temp.Path, run.Error, StringComparison.Ordinal);
    }
}
