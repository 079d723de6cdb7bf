using System.Globalization;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class PromptsCommandTests
{
    [Fact]
    public async Task Prompts_ClusterFiles_WritesPromptsAndReport()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var clusters = Directory.CreateDirectory(dir.Combine("clusters")).FullName;
        await WriteCluster(clusters, "coder", i => $"fix the failing test number {i}, the stack trace shows `NullReferenceException` in Parse()");
        await WriteCluster(clusters, "planner", i => $"Please plan my week {i}: gym, groceries and the dentist. Thanks!");

        var run = await CliRunner.RunAsync("prompts", "--out", dir.Path, "--offline");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(dir.Combine("prompts", "generated_prompts.json")));
        Assert.True(File.Exists(dir.Combine("reports", "prompts.html")));
        Assert.Contains("coder", run.Output, StringComparison.Ordinal);
        Assert.Contains("held-out accuracy", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_Import_PutsPromptsIntoTheProfileLibrary()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var clusters = Directory.CreateDirectory(dir.Combine("clusters")).FullName;
        await WriteCluster(clusters, "coder", i => $"fix the failing test number {i}, the stack trace shows `NullReferenceException` in Parse()");
        await WriteCluster(clusters, "planner", i => $"Please plan my week {i}: gym, groceries and the dentist. Thanks!");
        var profiles = dir.Combine("profiles");

        var first = await CliRunner.RunAsync("prompts", "--out", dir.Path, "--offline", "--import", "--profile", "bob", "--profiles", profiles);
        var second = await CliRunner.RunAsync("prompts", "--out", dir.Path, "--offline", "--import", "--profile", "bob", "--profiles", profiles);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("import created   extracted-coder v1", first.Output, StringComparison.Ordinal);
        Assert.Contains("import unchanged extracted-coder v1", second.Output, StringComparison.Ordinal);
        var list = await CliRunner.RunAsync("personas", "list", "--profile", "bob", "--profiles", profiles);
        Assert.Contains("extracted-planner", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_NoClusters_ExitsWithInputError()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("prompts", "--out", dir.Path, "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("clustering stage", run.Error, StringComparison.Ordinal);
    }

    private static Task WriteCluster(string folder, string name, Func<int, string> text) =>
        File.WriteAllLinesAsync(Path.Combine(folder, $"persona_{name}.jsonl"), Enumerable.Range(0, 10).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $$"""{"message_id":"{{name}}-{{i}}","conversation_id":"{{name}}-c{{i}}","text":"{{text(i)}}"}""")),
            TestContext.Current.CancellationToken);
}
