using Persona.Tests;

namespace Persona.Cli.Tests.Commands.Lora;

public sealed class DataCommandTests
{
    [Fact]
    public async Task LoraData_ClusterFile_WritesDatasetsAndCard()
    {
        using var temp = TestPaths.CreateTempDirectory();
        Directory.CreateDirectory(temp.Combine("clusters"));
        File.WriteAllText(temp.Combine("clusters", "persona_planner.jsonl"),
            "{\"message_id\":\"m1\",\"conversation_id\":\"c1\",\"text\":\"I'd book the van first, then pack one room per evening.\",\"context\":\"How should I organise the move?\"}\n" +
            "{\"message_id\":\"m2\",\"conversation_id\":\"c2\",\"text\":\"ok\",\"context\":null}\n" +
            "not json\n");

        var run = await CliRunner.RunAsync("lora", "data", "--out", temp.Path, "--format", "sharegpt", "--valid-fraction", "0", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("planner\tin 2\tremoved 1\ttrain 1\tvalid 0", run.Output, StringComparison.Ordinal);
        Assert.Contains("clusters/persona_planner.jsonl:3", run.Error, StringComparison.Ordinal);
        var train = File.ReadAllText(temp.Combine("lora_training", "persona_planner_train.jsonl"));
        Assert.Contains("{\"from\":\"gpt\",\"value\":\"I'd book the van first, then pack one room per evening.\"}", train, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("lora_training", "persona_planner.card.json")));
        Assert.True(File.Exists(temp.Combine("lora_training", "persona_planner.card.md")));
        Assert.Equal("", File.ReadAllText(temp.Combine("lora_training", "persona_planner_valid.jsonl")));
    }

    [Fact]
    public async Task LoraData_NoInputs_FailsNamingTheClustersFolder()
    {
        using var temp = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("lora", "data", "--out", temp.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("clusters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoraData_SyntheticPromptsWithoutAResponderModel_SaysWhyAndWritesTheOfflineBytes()
    {
        using var temp = TestPaths.CreateTempDirectory();
        WriteOpeners(temp);
        var config = temp.Combine("llm.yaml");
        await File.WriteAllTextAsync(config, "defaults:\n  provider: offline\n", TestContext.Current.CancellationToken);
        var plain = await CliRunner.RunAsync("lora", "data", "--out", temp.Path);
        var expected = Directory.GetFiles(temp.Combine("lora_training")).ToDictionary(f => f, File.ReadAllBytes);

        var run = await CliRunner.RunAsync("lora", "data", "--out", temp.Path, "--synthetic-prompts", "--llm-config", config);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: synthetic prompts: nothing written: no model is configured for the responder role", run.Error, StringComparison.Ordinal);
        Assert.Equal(plain.Output, run.Output);
        Assert.Equal(expected.Keys.Order(), Directory.GetFiles(temp.Combine("lora_training")).Order());
        Assert.All(expected, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
    }

    [Fact]
    public async Task LoraData_SyntheticPromptsResponderServerDown_SaysWhyAndStillWritesTheDataset()
    {
        using var temp = TestPaths.CreateTempDirectory();
        WriteOpeners(temp);
        var config = temp.Combine("llm.yaml");
        // Port 9 (discard) on loopback: nothing listens, the probe fails at once.
        await File.WriteAllTextAsync(config, "roles:\n  responder:\n    provider: ollama\n    model: llama3.2\n    endpoint: http://127.0.0.1:9\n", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("lora", "data", "--out", temp.Path, "--synthetic-prompts", "--llm-config", config);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: synthetic prompts: nothing written: the responder role's model llama3.2 cannot be used", run.Error, StringComparison.Ordinal);
        Assert.Contains("did not answer", run.Error, StringComparison.Ordinal);
        Assert.Contains("\"context\":\"generic_opener\"", File.ReadAllText(temp.Combine("lora_training", "persona_planner_train.jsonl")), StringComparison.Ordinal);
    }

    private static void WriteOpeners(TempDirectory temp)
    {
        Directory.CreateDirectory(temp.Combine("clusters"));
        File.WriteAllText(temp.Combine("clusters", "persona_planner.jsonl"),
            "{\"message_id\":\"m1\",\"conversation_id\":\"c1\",\"text\":\"Can you draft a packing checklist for a two-room flat?\",\"context\":null}\n" +
            "{\"message_id\":\"m2\",\"conversation_id\":\"c2\",\"text\":\"I'd book the van first, then pack one room per evening.\",\"context\":\"How should I organise the move?\"}\n");
    }

    [Theory]
    [InlineData("--synthetic-max", "0")]
    [InlineData("--format", "csv")]
    [InlineData("--valid-fraction", "1.5")]
    [InlineData("--min-chars", "-1")]
    public async Task LoraData_BadOption_IsAUsageError(string option, string value)
    {
        using var temp = TestPaths.CreateTempDirectory();

        var run = await CliRunner.RunAsync("lora", "data", "--out", temp.Path, option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }
}
