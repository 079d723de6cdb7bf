using Persona.Core.Library;
using Persona.Core.Pipeline;
using Persona.Core.Tests.Plotting;
using Persona.Core.Training;
using Persona.Tests;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training;

public sealed class LoraDataStageTests
{
    [Fact]
    public async Task BuildAsync_ClusterFilesAndTranscripts_IncludeInterviewAnswersInTheCorePersona()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Combine("personas"));
        WriteClusterFile(paths.Root, "planner", Prose(5));
        WriteTranscript(temp.Combine("profiles"), "ana", "iv-20250101-120000-abcdef", "Completed",
            ("What matters most to you in your work?", "Honest feedback and time to think things through properly."),
            ("How do you like to spend a free weekend?", "Outdoors, ideally climbing with two or three close friends."));
        WriteTranscript(temp.Combine("profiles"), "ana", "iv-20250102-120000-abcdef", "Paused", ("Q?", "An answer from an unfinished session, long enough."));

        var result = await LoraDataStage.BuildAsync(paths, new ProfilePaths(temp.Combine("profiles"), "ana"), new LoraDataOptions { ValidFraction = 0 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["planner", "core"], result.Personas.Select(p => p.Slug));
        var core = result.Personas[1];
        Assert.Equal(2, core.InterviewCount);
        var example = core.Train.Single(e => e.Id == "interview:iv-20250101-120000-abcdef:a001");
        Assert.Equal(ContextKind.InterviewQuestion, example.Context);
        Assert.Equal("What matters most to you in your work?", example.Turns[1].Content);
        Assert.Equal("Honest feedback and time to think things through properly.", example.Turns[2].Content);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("not completed", StringComparison.Ordinal));
        Assert.Contains(core.Inputs, i => i.Kind == InputKind.InterviewTranscript && i.Name == "memory/training/persona/iv-20250101-120000-abcdef.json");
    }

    [Fact]
    public async Task BuildAsync_BadClusterLines_AreSkippedWithFileAndLine()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Prose(2));
        File.AppendAllText(Path.Combine(paths.Clusters, "persona_planner.jsonl"), "{broken\n{\"text\":\"no id here\"}\n");

        var result = await LoraDataStage.BuildAsync(paths, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Personas.Single().InputCount);
        Assert.Equal(["clusters/persona_planner.jsonl:3", "clusters/persona_planner.jsonl:4"], result.Diagnostics.Select(d => $"{d.File}:{d.Line}"));
    }

    [Fact]
    public async Task WriteAsync_SameInputsTwice_IsByteIdentical()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Prose(40));
        WriteClusterFile(paths.Root, "debugger", Prose(30, "d"));
        var ct = TestContext.Current.CancellationToken;

        var first = await LoraDataStage.WriteAsync(await LoraDataStage.BuildAsync(paths, cancellationToken: ct), paths, cancellationToken: ct);
        var bytes = first.ToDictionary(f => f, File.ReadAllBytes);
        var second = await LoraDataStage.WriteAsync(await LoraDataStage.BuildAsync(paths, cancellationToken: ct), paths, cancellationToken: ct);

        Assert.Equal(8, second.Count);
        Assert.All(second, f => Assert.Equal(bytes[f], File.ReadAllBytes(f)));
        Assert.Empty(Directory.EnumerateFiles(paths.LoraTraining, "*.tmp"));
    }

    [Fact]
    public async Task WriteAsync_SmallDataset_MatchesTheApprovedFiles()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner",
        [
            Message("m1", "I'd book the van first, then pack one room per evening.", "How should I organise the move?", 1),
            Message("m2", "Can you draft a packing checklist for a two-room flat?", null, 2),
            Message("m3", "ok", "Anything else?", 3),
            Message("m4", "I'd book the van first, then pack one room per evening!", "Any other idea?", 4),
            Message("m5", "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n    x()\nNameError: name 'x' is not defined", "Run it.", 5),
            Message("m6", "Let's keep Sunday free; rest matters more than finishing early.", "Should we also work Sunday?", 6),
        ]);
        var ct = TestContext.Current.CancellationToken;
        var result = await LoraDataStage.BuildAsync(paths, options: new LoraDataOptions { ValidFraction = 0.34, Seed = 1 }, cancellationToken: ct);
        var files = await LoraDataStage.WriteAsync(result, paths, cancellationToken: ct);

        var text = string.Concat(files.Select(f => $"==> {Path.GetFileName(f)} <==\n{File.ReadAllText(f)}"));
        ApprovedText.Verify(text, "LoraDataStageTests.SmallDataset", "Training");
    }

    [Fact]
    public async Task Figures_OfAResult_HaveOneBarPerPersonaAndTheFunnelAddsUp()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", [.. Prose(10), Message("short", "ok")]);
        WriteClusterFile(paths.Root, "debugger", Prose(6, "d"));
        var result = await LoraDataStage.BuildAsync(paths, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExamplesFigure().Traces.Count);
        Assert.Equal(2, result.TokenLengthFigure().Traces.Count);
        var funnel = result.FilterFunnelFigure().ToJson(indented: false);
        Assert.Contains("\"x\":[17,1,0,0,0,0,0,0,0,0,0,16]", funnel, StringComparison.Ordinal);
    }
}
