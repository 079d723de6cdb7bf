using Persona.Core.Library;
using Persona.Core.Memories;
using Persona.Core.Tests.Library;
using static Persona.Core.Tests.Memories.MemoryTestData;

namespace Persona.Core.Tests.Memories;

public sealed class CorePersonaGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_DerivesRecurringTopicsIntoCoreWithMemoriesProvenance()
    {
        using var f = new LibraryFixture();

        var result = await new CorePersonaGenerator(f.Library, timeProvider: f.Clock).GenerateAsync(Corpus(), cancellationToken: Ct);
        var core = await f.Library.Core.GetAsync(Ct);

        Assert.True(result.Updated);
        Assert.Equal(3, result.Refresh!.Refreshed);
        Assert.Equal("parquet", result.CurrentFocus[0]);
        Assert.Contains("offline", result.Mode);
        Assert.Equal(1, core.Version);
        Assert.Equal("parquet", core.GetField("currentFocus")![0]!.GetValue<string>());
        Assert.Equal(CoreFieldSource.Memories, core.Provenance["currentFocus"].Source);
        Assert.Equal(CoreFieldSource.Memories, core.Provenance["interests"].Source);
    }

    [Fact]
    public async Task Generate_KeepsInterviewFieldsAndIsRevertible()
    {
        using var f = new LibraryFixture();
        await f.Library.Core.ApplyAsync(new CorePersonaUpdate(new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["biography"] = "Engineer." }, CoreFieldSource.Interview), 0, cancellationToken: Ct);

        await new CorePersonaGenerator(f.Library, timeProvider: f.Clock).GenerateAsync(Corpus(), cancellationToken: Ct);
        var reverted = await f.Library.Core.RevertAsync(1, 2, cancellationToken: Ct);

        Assert.Equal("Engineer.", (await f.Library.Core.GetVersionAsync(2, Ct)).GetField("biography")!.GetValue<string>());
        Assert.Null(reverted.GetField("currentFocus"));
    }

    [Fact]
    public async Task Generate_NoMessages_WritesNothingAndSaysSo()
    {
        using var f = new LibraryFixture();

        var result = await new CorePersonaGenerator(f.Library, timeProvider: f.Clock).GenerateAsync([], cancellationToken: Ct);

        Assert.False(result.Updated);
        Assert.Equal(0, result.CoreVersion);
        Assert.Equal(0, result.Refresh!.Conversations);
    }
}
