using Persona.Core.Import;
using Persona.Core.Memories;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class GenerateCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static PersonMessage M(string c, int p, string text, DateTimeOffset? at) =>
        new($"{c}-{p}", c, "T " + c, ExportFormat.ChatGpt, p, at, null, text, text.Length, 1, true);

    [Fact]
    public async Task Generate_WithRefresh_ReportsCountsAndWritesCoreFields()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var ct = TestContext.Current.CancellationToken;
        await AllMessagesFile.WriteAsync(dir.Combine("out", "extracted", "all_messages.parquet"),
        [
            M("a", 0, "I am writing a parquet codec in C#.", T0),
            M("b", 0, "My parquet files need zstd pages.", T0.AddDays(1)),
            M("c", 0, " ", T0.AddDays(2)),
        ], ct);
        string[] common = ["generate", "--user", "u1", "--profiles", dir.Combine("profiles"), "--out", dir.Combine("out")];

        var first = await CliRunner.RunAsync([.. common, "--refresh", "--only-needing"]);
        var second = await CliRunner.RunAsync([.. common, "--refresh", "--only-needing", "--include-empty"]);
        var noRefresh = await CliRunner.RunAsync(common);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("mode: memories by extractive-v1; fields derived offline", first.Output);
        Assert.Contains("memories: 3 conversations, 2 refreshed, 0 failed, 1 skipped", first.Output);
        Assert.Contains("currentFocus = [parquet", first.Output);
        Assert.Contains("core persona: version 1", first.Output);
        Assert.Contains("memories: 3 conversations, 1 refreshed, 0 failed, 2 skipped", second.Output);
        Assert.Contains("not refreshed", noRefresh.Output);
        Assert.True(File.Exists(dir.Combine("profiles", "u1", "persona", "core.json")));
    }

    [Fact]
    public async Task Generate_MissingInput_IsAClearError()
    {
        using var dir = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("generate", "--user", "u1", "--profiles", dir.Path, "--out", dir.Path, "--refresh");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("all_messages.parquet", run.Error);
    }
}
