using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Prompts;
using Persona.Core.Tests.Llm;
using Persona.Tests;

namespace Persona.Core.Tests.Prompts;

public sealed class PromptGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_FixedInput_MatchesApprovedOutput()
    {
        var set = await new PromptGenerator().GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        var prompts = string.Join("\n", set.Prompts.Select(prompt => $"=== {prompt.Name} ===\n{prompt.Prompt}"));
        Approve(prompts + "\n=== generated_prompts.json ===\n" + set.ToJson() + "\n");
    }

    [Fact]
    public async Task GenerateAsync_Claims_PointAtRealMessageIdsOfTheirPersona()
    {
        var sources = PromptFixtures.Distinct();

        var set = await new PromptGenerator().GenerateAsync(sources, cancellationToken: TestContext.Current.CancellationToken);

        foreach (var prompt in set.Prompts)
        {
            var ids = sources.Single(source => source.Name == prompt.Name).Messages.Select(message => message.MessageId).ToHashSet();
            Assert.NotEmpty(prompt.Claims);
            Assert.All(prompt.Claims, claim =>
            {
                Assert.NotEmpty(claim.MessageIds);
                Assert.All(claim.MessageIds, id => Assert.Contains(id, ids));
                Assert.Contains(claim.Text, prompt.Prompt, StringComparison.Ordinal);
            });
            Assert.InRange(prompt.Examples.Count, 2, 3);
            Assert.All(prompt.Examples, example =>
            {
                Assert.Contains(example.MessageId, ids);
                Assert.Contains(example.Text, prompt.Prompt, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public async Task GenerateAsync_SameInputInAnyOrder_IsByteIdentical()
    {
        var sources = PromptFixtures.Distinct();
        var shuffled = sources.Select(source => source with { Messages = source.Messages.Reverse().ToList() }).ToList();

        var first = await new PromptGenerator().GenerateAsync(sources, cancellationToken: TestContext.Current.CancellationToken);
        var second = await new PromptGenerator().GenerateAsync(shuffled, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.ToJson(), second.ToJson());
    }

    [Fact]
    public async Task GenerateAsync_DistinctModes_AttributesHeldOutBetterThanChanceWithoutWarnings()
    {
        var set = await new PromptGenerator(new PromptGenerationOptions { HeldOutFraction = 0.3 }).GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        var report = set.Distinctness;
        Assert.True(report.HeldOut >= 6, $"held out {report.HeldOut}");
        Assert.True(report.BetterThanChance);
        Assert.True(report.Accuracy >= 0.8, $"accuracy {report.Accuracy}");
        Assert.Empty(report.Warnings);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1.0, report.Similarity[i][i]));
        Assert.True(report.Similarity[0][1] < 0.5, $"similarity {report.Similarity[0][1]}");
    }

    [Fact]
    public async Task GenerateAsync_IdenticalModes_WarnsTooSimilar()
    {
        var set = await new PromptGenerator().GenerateAsync(PromptFixtures.Identical(), cancellationToken: TestContext.Current.CancellationToken);

        var report = set.Distinctness;
        Assert.Equal(1.0, report.Similarity[0][1], 6);
        Assert.Contains(report.Warnings, warning => warning.Contains("too similar", StringComparison.Ordinal));
        Assert.False(report.Accuracy > 0.75, $"identical personas cannot be told apart reliably, got {report.Accuracy}");
    }

    [Fact]
    public async Task GenerateAsync_PromptWriterKeepsExamples_RecordsModel()
    {
        var client = new ScriptedChatClient();
        for (var i = 0; i < 3; i++)
        {
            client.Then((messages, _, _) =>
            {
                var brief = messages[^1].Text;
                var quoted = brief.Split('\n').Where(line => line.StartsWith("  message: ", StringComparison.Ordinal)).Select(line => line["  message: ".Length..]);
                var prompt = "You write like this person. Keep it short and concrete.\nExamples:\n" + string.Join("\n", quoted);
                var json = System.Text.Json.JsonSerializer.Serialize(prompt, Persona.Core.Tests.TestJsonContext.Default.String);
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "{\"prompt\":" + json + "}")) { ModelId = "llama3.2:latest" });
            });
        }

        var set = await new PromptGenerator(promptWriter: client, chatOptions: new ChatOptions { ModelId = "llama3.2" })
            .GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(set.Prompts, prompt =>
        {
            Assert.Equal(LlmPath.Model, prompt.Generator.Path);
            Assert.Equal("llama3.2:latest", prompt.Generator.Model);
            Assert.StartsWith("You write like this person.", prompt.Prompt, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GenerateAsync_PromptWriterDropsExamplesTwice_KeepsOfflineDraftAndSaysWhy()
    {
        var client = new ScriptedChatClient();
        var invented = "{\"prompt\":\"" + new string('x', 120) + "\"}";
        for (var i = 0; i < 6; i++)
            client.Reply(invented);

        var set = await new PromptGenerator(promptWriter: client).GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);
        var offline = await new PromptGenerator().GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(set.Prompts, prompt =>
        {
            Assert.Equal(LlmPath.Offline, prompt.Generator.Path);
            Assert.Contains("must quote example message", prompt.Generator.Note, StringComparison.Ordinal);
        });
        Assert.Equal(offline.Prompts.Select(prompt => prompt.Prompt), set.Prompts.Select(prompt => prompt.Prompt));
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_RoundTrips()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("prompts", "generated_prompts.json");
        var set = await new PromptGenerator().GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        await set.WriteAsync(path, TestContext.Current.CancellationToken);
        var read = await GeneratedPromptSet.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(set.ToJson(), read.ToJson());
    }

    [Fact]
    public async Task ReadAsync_BrokenFile_NamesFileAndLine()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("generated_prompts.json");
        await File.WriteAllTextAsync(path, "{\n  \"format_version\": 1,\n  \"seed\": oops\n}", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => GeneratedPromptSet.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains(path + ": line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_DuplicateNamesAndEmptyPersona_OneAggregatedError()
    {
        var sources = PromptFixtures.Distinct();
        var bad = new[] { sources[0], sources[0] with { SourceCluster = "x" }, sources[1] with { Name = "Empty", Messages = [] } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new PromptGenerator().GenerateAsync(bad, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("appears 2 times", error.Message, StringComparison.Ordinal);
        Assert.Contains("“Empty” has no messages", error.Message, StringComparison.Ordinal);
    }

    private static void Approve(string received, [CallerFilePath] string sourceFile = "", [CallerMemberName] string test = "")
    {
        var directory = Path.GetDirectoryName(sourceFile)!;
        var approvedPath = Path.Combine(directory, $"{nameof(PromptGeneratorTests)}.{test}.approved.txt");
        var receivedPath = Path.Combine(directory, $"{nameof(PromptGeneratorTests)}.{test}.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"output differs from {approvedPath}; review {receivedPath} and rename it to approve");
    }
}
