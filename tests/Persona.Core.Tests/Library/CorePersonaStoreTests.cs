using System.Text.Json.Nodes;
using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

public sealed class CorePersonaStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CorePersonaUpdate Update(CoreUpdateMode mode, params (string Path, JsonNode? Value)[] fields) =>
        new(fields.ToDictionary(f => f.Path, f => f.Value), CoreFieldSource.Interview, mode, 0.7);

    [Fact]
    public async Task Get_NothingWritten_IsEmptyVersionZero()
    {
        using var f = new LibraryFixture();

        var core = await f.Library.Core.GetAsync(Ct);

        Assert.Equal(0, core.Version);
        Assert.Empty(core.Fields);
    }

    [Fact]
    public async Task Apply_MergeThenReplace_VersionsFieldsAndProvenance()
    {
        using var f = new LibraryFixture();

        var v1 = await f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Merge, ("values.core", new JsonArray("honesty", "craft")), ("biography", "Engineer.")), 0, cancellationToken: Ct);
        var v2 = await f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Merge, ("goals.shortTerm", "ship it"), ("biography", null)), 1, cancellationToken: Ct);
        var v3 = await f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Replace, ("traits", new JsonArray("curious"))), 2, cancellationToken: Ct);

        Assert.Equal("craft", v1.GetField("values.core")![1]!.GetValue<string>());
        Assert.Null(v2.GetField("biography"));
        Assert.Equal("ship it", v2.GetField("goals.shortTerm")!.GetValue<string>());
        Assert.NotNull(v2.GetField("values.core"));
        Assert.Equal(CoreFieldSource.Interview, v2.Provenance["goals.shortTerm"].Source);
        Assert.False(v2.Provenance.ContainsKey("biography"));
        Assert.Equal(["traits"], v3.Fields.Select(p => p.Key));
        Assert.Equal(3, (await f.Library.Core.GetAsync(Ct)).Version);
        Assert.True(File.Exists(f.Library.Paths.CoreFile));
    }

    [Fact]
    public async Task Revert_RestoresOldFieldsAsNewVersion()
    {
        using var f = new LibraryFixture();
        await f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Merge, ("biography", "One.")), 0, cancellationToken: Ct);
        await f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Replace, ("biography", "Two.")), 1, cancellationToken: Ct);

        var reverted = await f.Library.Core.RevertAsync(1, 2, cancellationToken: Ct);
        var history = await f.Library.Core.HistoryAsync(Ct);

        Assert.Equal(3, reverted.Version);
        Assert.Equal("One.", reverted.GetField("biography")!.GetValue<string>());
        Assert.Equal(PersonaChangeKind.Reverted, reverted.Change);
        Assert.Equal(1, reverted.RevertedFrom);
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public async Task Apply_StaleVersion_ConflictsAndKeepsCurrent()
    {
        using var f = new LibraryFixture();
        await f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Merge, ("biography", "Mine.")), 0, cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Merge, ("biography", "Theirs.")), 0, cancellationToken: Ct));

        Assert.Equal(PersonaLibraryError.Conflict, ex.Error);
        Assert.Equal("Mine.", (await f.Library.Core.GetAsync(Ct)).GetField("biography")!.GetValue<string>());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a..b")]
    [InlineData("1abc")]
    [InlineData("a.b.c.d.e")]
    public async Task Apply_BadFieldPath_IsRejected(string path)
    {
        using var f = new LibraryFixture();

        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.Core.ApplyAsync(Update(CoreUpdateMode.Merge, (path, "x")), 0, cancellationToken: Ct));

        Assert.Equal(PersonaLibraryError.Validation, ex.Error);
        Assert.Contains(path, ex.Message);
        Assert.Equal(0, (await f.Library.Core.GetAsync(Ct)).Version);
    }
}
