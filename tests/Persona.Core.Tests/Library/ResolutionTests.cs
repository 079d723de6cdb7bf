using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

public sealed class ResolutionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resolve_NothingConfigured_UsesBuiltinFallbackAndLogsIt()
    {
        using var f = new LibraryFixture();

        var r = await f.Library.ResolveAsync(new PersonaRequest("project-x", RequestId: "req-1"), cancellationToken: Ct);
        var log = await f.Library.ReadUsageLogAsync(cancellationToken: Ct);

        Assert.Equal(ResolutionReason.BuiltinFallback, r.Reason);
        Assert.Equal(PersonaLibrary.BuiltinFallbackId, r.Persona.Id);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(new PersonaUsageEntry("req-1", "project-x", PersonaLibrary.BuiltinFallbackId, 0, ResolutionReason.BuiltinFallback, r.Explanation, f.Clock.GetUtcNow(), false), entry);
    }

    [Fact]
    public async Task Resolve_FollowsOrderOverrideContextGlobalFallback()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha");
        var b = await f.CreateAsync("Beta");
        var g = await f.CreateAsync("Global");
        await f.Library.AssignAsync("chan", a.Id, makeDefault: true, PersonaContextKind.Channel, cancellationToken: Ct);
        await f.Library.AssignAsync("chan", b.Id, cancellationToken: Ct);
        await f.Library.SetGlobalDefaultAsync(g.Id, cancellationToken: Ct);

        var byOverride = await f.Library.ResolveAsync(new PersonaRequest("chan", b.Id), cancellationToken: Ct);
        var byContext = await f.Library.ResolveAsync(new PersonaRequest("chan"), cancellationToken: Ct);
        var byGlobal = await f.Library.ResolveAsync(new PersonaRequest("other"), cancellationToken: Ct);
        await f.Library.SetGlobalDefaultAsync(null, cancellationToken: Ct);
        var byFallback = await f.Library.ResolveAsync(new PersonaRequest("other"), cancellationToken: Ct);

        Assert.Equal((ResolutionReason.Override, b.Id), (byOverride.Reason, byOverride.Persona.Id));
        Assert.Equal((ResolutionReason.ContextDefault, a.Id), (byContext.Reason, byContext.Persona.Id));
        Assert.Equal((ResolutionReason.GlobalDefault, g.Id), (byGlobal.Reason, byGlobal.Persona.Id));
        Assert.Equal(ResolutionReason.BuiltinFallback, byFallback.Reason);
        Assert.Contains("no global default", byFallback.Explanation);
        Assert.Equal(4, (await f.Library.ReadUsageLogAsync(cancellationToken: Ct)).Entries.Count);
        Assert.Equal(2, (await f.Library.ReadUsageLogAsync("chan", Ct)).Entries.Count);
    }

    [Fact]
    public async Task Resolve_OverrideNotAssignedToContext_ThrowsClearErrorAndLogsNothing()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha");
        var b = await f.CreateAsync("Beta");
        await f.Library.AssignAsync("chan", a.Id, makeDefault: true, cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.ResolveAsync(new PersonaRequest("chan", b.Id), cancellationToken: Ct));

        Assert.Equal(PersonaLibraryError.Resolution, ex.Error);
        Assert.Contains("'beta' is not valid for context 'chan'", ex.Message);
        Assert.Empty((await f.Library.ReadUsageLogAsync(cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task Resolve_DeletedContextDefault_FallsThroughWithReason()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha");
        await f.Library.AssignAsync("chan", a.Id, makeDefault: true, cancellationToken: Ct);
        await f.Library.DeleteAsync(a.Id, 1, cancellationToken: Ct);

        var r = await f.Library.ResolveAsync(new PersonaRequest("chan"), cancellationToken: Ct);
        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.ResolveAsync(new PersonaRequest("chan", a.Id), cancellationToken: Ct));

        Assert.Equal(ResolutionReason.BuiltinFallback, r.Reason);
        Assert.Contains("context default 'alpha' is deleted", r.Explanation);
        Assert.Contains("deleted or missing", ex.Message);
    }

    [Fact]
    public async Task Resolve_Preview_IsLoggedAsPreviewWithServingVersion()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha");
        await f.Library.EditAsync(a.Id, 1, new PersonaChanges(Instructions: "Newer."), cancellationToken: Ct);
        await f.Library.AssignAsync("chan", a.Id, makeDefault: true, cancellationToken: Ct);

        await f.Library.ResolveAsync(new PersonaRequest("chan"), preview: true, Ct);

        var entry = Assert.Single((await f.Library.ReadUsageLogAsync(cancellationToken: Ct)).Entries);
        Assert.True(entry.Preview);
        Assert.Equal(2, entry.PersonaVersion);
    }

    [Fact]
    public async Task Contexts_AssignUnassignDefaults_AreValidatedAndVersioned()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha");
        var b = await f.CreateAsync("Beta");

        await f.Library.AssignAsync("proj", a.Id, makeDefault: true, PersonaContextKind.Project, cancellationToken: Ct);
        var afterB = await f.Library.AssignAsync("proj", b.Id, cancellationToken: Ct);
        var stale = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.SetContextDefaultAsync("proj", b.Id, expectedRevision: 1, Ct));
        var notAssigned = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.SetContextDefaultAsync("proj", "nobody", cancellationToken: Ct));
        var afterUnassign = await f.Library.UnassignAsync("proj", a.Id, cancellationToken: Ct);

        Assert.Equal(2, afterB.Revision);
        Assert.Equal(PersonaLibraryError.Conflict, stale.Error);
        Assert.Equal(PersonaLibraryError.Validation, notAssigned.Error);
        var ctx = afterUnassign.Find("proj")!;
        Assert.Equal(PersonaContextKind.Project, ctx.Kind);
        Assert.Equal([b.Id], ctx.PersonaIds);
        Assert.Null(ctx.DefaultPersonaId);
    }

    [Fact]
    public async Task Assign_DeletedOrMissingPersona_IsRejected()
    {
        using var f = new LibraryFixture();
        var a = await f.CreateAsync("Alpha");
        await f.Library.DeleteAsync(a.Id, 1, cancellationToken: Ct);

        var deleted = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.AssignAsync("c", a.Id, cancellationToken: Ct));
        var missing = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.AssignAsync("c", "ghost", cancellationToken: Ct));

        Assert.Equal(PersonaLibraryError.Validation, deleted.Error);
        Assert.Equal(PersonaLibraryError.NotFound, missing.Error);
        Assert.Equal(0, (await f.Library.GetContextsAsync(Ct)).Revision);
    }
}
