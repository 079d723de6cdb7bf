using System.Text.Json.Nodes;
using Persona.Core.Import;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>
/// The bundled samples import as documented. The labelled sample (<c>generated-modes/</c>) is checked against
/// its generator in <c>Corpora/GeneratedModesSampleTests</c>; here every imported message finds its true mode.
/// </summary>
public sealed class GeneratedSampleTests
{
    [Fact]
    public async Task Import_GeneratedSample_EveryMessageHasItsTrueModeLabel()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(TestPaths.Samples, "generated-modes");
        var labels = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "labels.json"), ct))!["labels"]!.AsArray()
            .ToDictionary(l => (l!["conversation_id"]!.GetValue<string>(), l["message_id"]!.GetValue<string>()), l => l!["mode"]!.GetValue<string>());

        var result = await new ChatImporter().ReadAsync([Path.Combine(dir, "conversations.json")], cancellationToken: ct);

        var messages = result.Messages.ToList();
        Assert.Equal(labels.Count, messages.Count);
        var modes = messages.Select(m => labels[(m.ConversationId, m.MessageId[(m.MessageId.LastIndexOf('/') + 1)..])]).ToList();
        Assert.Equal(5, modes.Distinct().Count());
        Assert.Equal(131, result.Files[0].Conversations);
        Assert.Equal(300, messages.Count);
        Assert.Empty(result.SelfDescriptions);
    }

    [Fact]
    public async Task Import_RealSample_MatchesTheCorpusCounts()
    {
        var result = await new ChatImporter().ReadAsync([Path.Combine(TestPaths.Samples, "pkuppens-chatgpt-export-2023-06.json")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(192, result.Files[0].Conversations);
        Assert.Equal(645, result.Messages.Count());
    }
}
