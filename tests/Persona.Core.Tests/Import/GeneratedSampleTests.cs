using System.Text.Json.Nodes;
using Persona.Core.Import;
using Persona.SampleExport;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>The bundled samples import as documented, and the generated one is exactly what its generator writes.</summary>
public sealed class GeneratedSampleTests
{
    [Fact]
    public async Task Generator_DefaultSeed_ReproducesCommittedSample()
    {
        var sample = SampleExportGenerator.Generate();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(TestPaths.Samples, SampleExportGenerator.ExportFileName), ct), sample.ExportJson);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(TestPaths.Samples, SampleExportGenerator.LabelsFileName), ct), sample.LabelsJson);
    }

    [Theory]
    [InlineData(BranchSelection.Active)]
    [InlineData(BranchSelection.All)]
    public async Task Import_GeneratedSample_EveryMessageHasItsTrueModeLabel(BranchSelection branches)
    {
        var ct = TestContext.Current.CancellationToken;
        var labels = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Samples, SampleExportGenerator.LabelsFileName), ct))!["messages"]!.AsArray()
            .Where(l => branches == BranchSelection.All || l!["on_active_branch"]!.GetValue<bool>())
            .ToDictionary(l => l!["message_id"]!.GetValue<string>(), l => l!["mode"]!.GetValue<string>());

        var result = await new ChatImporter(new ImportOptions { Branches = branches })
            .ReadAsync([Path.Combine(TestPaths.Samples, SampleExportGenerator.ExportFileName)], cancellationToken: ct);

        var messages = result.Messages.ToList();
        Assert.Equal(labels.Count, messages.Count);
        Assert.All(messages, m => Assert.True(labels.ContainsKey(m.MessageId), m.MessageId));
        Assert.Equal(4, messages.Select(m => labels[m.MessageId]).Distinct().Count());
        Assert.Equal(2, result.SelfDescriptions.Count);
        Assert.Equal(branches == BranchSelection.Active ? 313 : 340, messages.Count);
    }

    [Fact]
    public async Task Import_RealSample_MatchesTheCorpusCounts()
    {
        var result = await new ChatImporter().ReadAsync([Path.Combine(TestPaths.Samples, "pkuppens-chatgpt-export-2023-06.json")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(192, result.Files[0].Conversations);
        Assert.Equal(645, result.Messages.Count());
    }
}
