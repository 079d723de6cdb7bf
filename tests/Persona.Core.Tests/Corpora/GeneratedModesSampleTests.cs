using Persona.Corpora;
using Persona.Tests;

namespace Persona.Core.Tests.Corpora;

/// <summary>
/// The committed sample <c>data/samples/generated-modes/</c> is exactly what the generator writes
/// for <see cref="SampleOptions"/>. Regenerate with <c>PERSONA_REGENERATE_SAMPLES=1</c>.
/// </summary>
public sealed class GeneratedModesSampleTests
{
    public static CorpusOptions SampleOptions { get; } = new()
    {
        Modes = ["debugging", "business-planning", "fiction", "learning", "reflection"],
        MessagesPerMode = 60,
        Seed = 2024,
    };

    [Fact]
    public async Task CommittedSample_MatchesGenerator()
    {
        var corpus = LabelledCorpusGenerator.Generate(SampleOptions);
        var ct = TestContext.Current.CancellationToken;
        var export = await RenderAsync(s => ChatGptExportWriter.WriteExportAsync(corpus, s, ct));
        var labels = await RenderAsync(s => ChatGptExportWriter.WriteLabelsAsync(corpus, s, ct));
        var dir = Path.Combine(TestPaths.Samples, "generated-modes");
        if (Environment.GetEnvironmentVariable("PERSONA_REGENERATE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "conversations.json"), export, ct);
            await File.WriteAllBytesAsync(Path.Combine(dir, "labels.json"), labels, ct);
        }

        Assert.Equal(export, await File.ReadAllBytesAsync(Path.Combine(dir, "conversations.json"), ct));
        Assert.Equal(labels, await File.ReadAllBytesAsync(Path.Combine(dir, "labels.json"), ct));
    }

    [Fact]
    public void Generate_SameSeed_SameMessages_DifferentSeed_DifferentMessages()
    {
        var a = LabelledCorpusGenerator.Generate(SampleOptions);
        var b = LabelledCorpusGenerator.Generate(SampleOptions);
        var c = LabelledCorpusGenerator.Generate(SampleOptions with { Seed = 7 });

        Assert.Equal(a.Items.Select(i => i.Message.Text), b.Items.Select(i => i.Message.Text));
        Assert.NotEqual(a.Items.Select(i => i.Message.Text), c.Items.Select(i => i.Message.Text));
        Assert.Equal(300, a.Items.Count);
        Assert.True(a.Items.Select(i => i.Message.Text).Distinct().Count() > 290, "messages should rarely repeat");
    }

    private static async Task<byte[]> RenderAsync(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return stream.ToArray();
    }
}
