using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

public sealed class GenerateTextCommandTests
{
    [Fact]
    public async Task GenerateText_Stories260KGreedy_PrintsLlama2cExpectedText()
    {
        var dir = TestPaths.RequireShared("models", "stories260K");
        var expected = await File.ReadAllTextAsync(Path.Combine(dir, "expected_greedy_200.txt"), TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("generate-text", "--model", Path.Combine(dir, "stories260K.bin"), "--tokenizer", Path.Combine(dir, "tok512.bin"), "--max-tokens", "200", "--temperature", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected + Environment.NewLine, run.Output);
        Assert.Contains("200 generated tokens", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateText_GgufWithPromptAndSeed_IsReproducible()
    {
        var model = TestPaths.RequireShared("models", "stories260K", "stories260K.gguf");
        string[] args = ["generate-text", "--model", model, "--prompt", "Lily and Tom", "--max-tokens", "30", "--temperature", "0.9", "--seed", "3"];

        var first = await CliRunner.RunAsync(args);
        var second = await CliRunner.RunAsync(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        Assert.False(string.IsNullOrWhiteSpace(first.Output));
        Assert.DoesNotContain("Lily and Tom", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateText_BinWithoutTokenizer_ExplainsAndFailsWithInputError()
    {
        var model = TestPaths.RequireShared("models", "stories260K", "stories260K.bin");

        var run = await CliRunner.RunAsync("generate-text", "--model", model, "--max-tokens", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("carries no tokenizer", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
