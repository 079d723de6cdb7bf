using Persona.Core.Llm;
using Persona.Core.Prompts;

namespace Persona.Core.Tests.Prompts;

public sealed class PromptDisplayTests
{
    [Fact]
    public async Task SimilarityFigure_DistinctInput_HeatmapWithPersonaLabelsAndUnitDiagonal()
    {
        var set = await new PromptGenerator().GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        var json = set.Distinctness.SimilarityFigure().ToJson(indented: false);

        Assert.Contains("\"type\":\"heatmap\"", json, StringComparison.Ordinal);
        Assert.Contains("\"x\":[\"Debugger\",\"Philosopher\",\"Planner\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"z\":[[1,", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToReport_ContainsEveryPromptAndEvidence()
    {
        var set = await new PromptGenerator().GenerateAsync(PromptFixtures.Distinct(), cancellationToken: TestContext.Current.CancellationToken);

        var html = set.ToReport().ToHtml();

        Assert.All(set.Prompts, prompt => Assert.Contains(prompt.Name, html, StringComparison.Ordinal));
        Assert.Contains("dbg-00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LlmStatusReport_ToHtml_ListsRoles()
    {
        using var runtime = new LlmRuntime(LlmOptions.AllOffline, []);

        var status = await runtime.GetStatusAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("prompt-writer", status.ToHtml(), StringComparison.Ordinal);
    }
}
