using Persona.Core.Llm;
using Persona.Core.Pipeline;
using Persona.Core.Training;
using Persona.Tests;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training;

/// <summary>The calls notebooks/07-lora-data.ipynb makes, in its order, with its parameter defaults.</summary>
public sealed class LoraDataNotebookTests
{
    [Fact]
    public async Task NotebookCells_DefaultParameters_BuildWriteAndPlot()
    {
        using var temp = TestPaths.CreateTempDirectory();
        WriteClusterFile(temp.Path, "planner", Prose(12));
        var paths = new PipelinePaths(temp.Path);
        var options = new LoraDataOptions { Format = Enum.Parse<LoraDataFormat>("openai", ignoreCase: true), MinChars = 20, MaxChars = 4000, ValidFraction = 0.1, Seed = 42, SyntheticPrompts = false, MaxSyntheticPerPersona = 50 };

        var result = await LoraDataStage.BuildAsync(paths, null, options, llm: null, cancellationToken: TestContext.Current.CancellationToken);
        var written = await LoraDataStage.WriteAsync(result, paths, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(result.SyntheticPrompts);
        Assert.Equal(4, written.Count);
        Assert.Equal(12, result.Personas.Single().Kept);
        Assert.Contains("\"type\":\"bar\"", result.ExamplesFigure().ToJson(indented: false), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"histogram\"", result.TokenLengthFigure().ToJson(indented: false), StringComparison.Ordinal);
        Assert.Contains("near_duplicate", result.FilterFunnelFigure().ToJson(indented: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookCells_SyntheticPromptsWithEveryRoleOffline_NotesWhyNothingWasWritten()
    {
        using var temp = TestPaths.CreateTempDirectory();
        WriteClusterFile(temp.Path, "planner", Prose(3).Select(m => m with { Context = null }));
        var paths = new PipelinePaths(temp.Path);
        var options = new LoraDataOptions { SyntheticPrompts = true, MaxSyntheticPerPersona = 50 };
        using var llm = new LlmRuntime(LlmOptions.AllOffline, []);

        var result = await LoraDataStage.BuildAsync(paths, null, options, llm: llm, cancellationToken: TestContext.Current.CancellationToken);
        var notes = result.Diagnostics.Select(d => d.ToString()).ToList();
        if (result.SyntheticPrompts is { } synthetic)
            notes.AddRange([$"synthetic prompts: {synthetic}", .. synthetic.Failures.Select(f => $"no synthetic prompt for {f}")]);

        Assert.StartsWith("synthetic prompts: nothing written: no model is configured for the responder role", Assert.Single(notes), StringComparison.Ordinal);
        Assert.Equal(3, result.Personas.Single().Train.Concat(result.Personas.Single().Valid).Count(e => e.Context == ContextKind.GenericOpener));
    }
}
