using System.Text.Json;
using Persona.Core.Llm;
using Persona.Core.Pipeline;
using Persona.Core.Prompts;
using Persona.Tests;

namespace Persona.Core.Tests.Prompts;

/// <summary>Keeps <c>notebooks/04-prompts.ipynb</c> honest: its shape, and the same calls its cells make.</summary>
public sealed class PromptsNotebookTests
{
    private static string NotebookPath => Path.Combine(TestPaths.RepoRoot, "notebooks", "04-prompts.ipynb");

    [Fact]
    public void Notebook_FollowsTheConvention()
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(NotebookPath));
        var root = notebook.RootElement;
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        var code = root.GetProperty("cells").EnumerateArray().Where(cell => cell.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.All(code, cell => Assert.Equal("csharp", cell.GetProperty("metadata").GetProperty("dotnet_interactive").GetProperty("language").GetString()));
        Assert.Equal("#r \"../artifacts/nblib/Persona.Core.dll\"", string.Concat(code[0].GetProperty("source").EnumerateArray().Select(line => line.GetString())));
        Assert.Contains("parameters", code[1].GetProperty("metadata").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
    }

    [Fact]
    public async Task NotebookCells_OnClusterFiles_ProduceEveryOutput()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(dir.Path);
        Directory.CreateDirectory(paths.Clusters);
        foreach (var persona in PromptFixtures.Distinct())
        {
            await File.WriteAllLinesAsync(Path.Combine(paths.Clusters, $"persona_{persona.Name}.jsonl"),
                persona.Messages.Select(message => JsonSerializer.Serialize(new Dictionary<string, string?>
                {
                    ["message_id"] = message.MessageId, ["conversation_id"] = message.ConversationId, ["context"] = message.Context, ["text"] = message.Text,
                }, TestJsonContext.Default.DictionaryStringString)), TestContext.Current.CancellationToken);
        }

        using var llm = new LlmRuntime(LlmOptions.AllOffline, []);
        var status = await llm.GetStatusAsync(cancellationToken: TestContext.Current.CancellationToken);
        var input = await ClusterPersonaReader.ReadAsync(paths, TestContext.Current.CancellationToken);
        var set = await PromptGenerator.FromRuntime(llm, new PromptGenerationOptions { Seed = 42 }).GenerateAsync(input.Personas, cancellationToken: TestContext.Current.CancellationToken);
        await set.WriteAsync(paths.GeneratedPrompts, TestContext.Current.CancellationToken);
        var report = await set.WriteReportAsync(paths, TestContext.Current.CancellationToken);

        Assert.Equal(7, status.Roles.Count);
        Assert.Empty(input.Diagnostics);
        Assert.Equal(3, set.Prompts.Count);
        Assert.NotEmpty(set.Table().ToHtml());
        Assert.All(set.Prompts, prompt => Assert.NotEmpty(prompt.EvidenceTable().ToHtml()));
        Assert.True(set.Distinctness.BetterThanChance);
        Assert.True(File.Exists(paths.GeneratedPrompts));
        Assert.True(File.Exists(report));
    }
}
