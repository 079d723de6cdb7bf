using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

public sealed class PersonaLibraryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_NewPersona_IsVersionOneWithSlugIdAndAuthor()
    {
        using var f = new LibraryFixture();

        var p = await f.CreateAsync("The Careful Engineer");

        Assert.Equal("the-careful-engineer", p.Id);
        Assert.Equal(1, p.Version);
        Assert.True(p.IsActive);
        Assert.Equal("tester", p.Author);
        Assert.Equal(PersonaSource.Manual, p.Source);
        Assert.Equal(f.Clock.GetUtcNow(), p.CreatedAt);
        Assert.True(File.Exists(Path.Combine(f.Library.Paths.Library, p.Id, "v000001.json")));
    }

    [Fact]
    public async Task Create_SameNameTwice_GetsDistinctIds()
    {
        using var f = new LibraryFixture();

        var a = await f.CreateAsync("Coach");
        var b = await f.CreateAsync("Coach");

        Assert.Equal("coach", a.Id);
        Assert.Equal("coach-2", b.Id);
    }

    [Fact]
    public async Task Edit_AppendsVersionAndKeepsHistoryImmutable()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Coach", "Be encouraging.");
        f.Clock.Advance(TimeSpan.FromMinutes(1));

        var edited = await f.Library.EditAsync(p.Id, 1, new PersonaChanges(Instructions: "Be encouraging and direct."), "bob", "sharper", Ct);
        var history = await f.Library.HistoryAsync(p.Id, Ct);

        Assert.Equal(2, edited.Version);
        Assert.Equal("bob", edited.Author);
        Assert.Equal(p.CreatedAt, edited.CreatedAt);
        Assert.Equal(f.Clock.GetUtcNow(), edited.UpdatedAt);
        Assert.Equal([PersonaChangeKind.Created, PersonaChangeKind.Edited], history.Select(h => h.Change));
        Assert.Equal("Be encouraging.", history[0].Persona.Instructions);
        Assert.Equal("sharper", history[1].Note);
    }

    [Fact]
    public async Task Edit_StaleExpectedVersion_ThrowsConflictAndChangesNothing()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Coach", "One.");
        await f.Library.EditAsync(p.Id, 1, new PersonaChanges(Instructions: "Two."), cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.EditAsync(p.Id, 1, new PersonaChanges(Instructions: "Lost?"), cancellationToken: Ct));

        Assert.Equal(PersonaLibraryError.Conflict, ex.Error);
        Assert.Contains("version 2", ex.Message);
        Assert.Equal("Two.", (await f.Library.GetAsync(p.Id, Ct)).Instructions);
        Assert.Equal(2, (await f.Library.HistoryAsync(p.Id, Ct)).Count);
    }

    [Fact]
    public async Task Edit_ManyConcurrentWritersWithSameExpectedVersion_ExactlyOneWins()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Coach", "Start.");

        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await f.Library.EditAsync(p.Id, 1, new PersonaChanges(Instructions: $"Writer {i}."), cancellationToken: Ct);
                return true;
            }
            catch (PersonaLibraryException ex) when (ex.Error == PersonaLibraryError.Conflict)
            {
                return false;
            }
        }, Ct)).ToList();
        var results = await Task.WhenAll(tasks);

        Assert.Single(results, r => r);
        var history = await f.Library.HistoryAsync(p.Id, Ct);
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task DeleteRestore_SoftDeleteHidesFromListAndRestoreBringsBack()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Coach");

        var deleted = await f.Library.DeleteAsync(p.Id, 1, cancellationToken: Ct);
        var listed = await f.Library.ListAsync(cancellationToken: Ct);
        var listedAll = await f.Library.ListAsync(includeDeleted: true, Ct);
        var restored = await f.Library.RestoreAsync(p.Id, 2, cancellationToken: Ct);

        Assert.False(deleted.IsActive);
        Assert.DoesNotContain(listed, x => x.Id == p.Id);
        Assert.Contains(listedAll, x => x.Id == p.Id && !x.IsActive);
        Assert.True(restored.IsActive);
        Assert.Equal(3, restored.Version);
    }

    [Fact]
    public async Task Revert_CreatesNewVersionEqualToOldOne()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Coach", "First.");
        await f.Library.EditAsync(p.Id, 1, new PersonaChanges(Name: "Coach Two", Instructions: "Second."), cancellationToken: Ct);

        var reverted = await f.Library.RevertAsync(p.Id, 1, 2, cancellationToken: Ct);
        var history = await f.Library.HistoryAsync(p.Id, Ct);

        Assert.Equal(3, reverted.Version);
        Assert.Equal("First.", reverted.Instructions);
        Assert.Equal("Coach", reverted.Name);
        Assert.Equal(PersonaChangeKind.Reverted, history[^1].Change);
        Assert.Equal(1, history[^1].RevertedFrom);
        Assert.Equal("Second.", history[1].Persona.Instructions);
    }

    [Fact]
    public async Task BuiltinFallback_IsListedEditableAndNeverDeletable()
    {
        using var f = new LibraryFixture();

        var listed = await f.Library.ListAsync(cancellationToken: Ct);
        var edited = await f.Library.EditAsync(PersonaLibrary.BuiltinFallbackId, 0, new PersonaChanges(Instructions: "Be brief."), cancellationToken: Ct);
        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.DeleteAsync(PersonaLibrary.BuiltinFallbackId, 1, cancellationToken: Ct));

        Assert.Contains(listed, p => p.Id == PersonaLibrary.BuiltinFallbackId && p.Source == PersonaSource.Builtin);
        Assert.Equal(1, edited.Version);
        Assert.Equal("Be brief.", (await f.Library.GetAsync(PersonaLibrary.BuiltinFallbackId, Ct)).Instructions);
        Assert.Equal(PersonaLibraryError.Forbidden, ex.Error);
    }

    [Theory]
    [InlineData("", "Fine.", "name must not be empty")]
    [InlineData("Bad\u0007Name", "Fine.", "control character U+0007")]
    [InlineData("Name", "Use {{USER_PERSONA}} here.", "template syntax '{{USER_PERSONA}}'")]
    [InlineData("Name", "Hi {{user}}!", "template syntax '{{user}}'")]
    [InlineData("Name", "   ", "instructions must not be empty")]
    public async Task Create_InvalidInput_ThrowsPreciseErrorAndWritesNothing(string name, string instructions, string expected)
    {
        using var f = new LibraryFixture();

        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.CreateAsync(new PersonaDraft(name, instructions), cancellationToken: Ct));

        Assert.Equal(PersonaLibraryError.Validation, ex.Error);
        Assert.Contains(expected, ex.Message);
        Assert.False(Directory.Exists(f.Library.Paths.Library));
    }

    [Fact]
    public async Task Edit_TooLongName_RejectedAndVersionUnchanged()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Coach");

        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => f.Library.EditAsync(p.Id, 1, new PersonaChanges(Name: new string('x', 81)), cancellationToken: Ct));

        Assert.Contains("limit is 80", ex.Message);
        Assert.Equal(1, (await f.Library.GetAsync(p.Id, Ct)).Version);
    }

    [Fact]
    public async Task Create_NameWithPathSyntax_CannotEscapeLibraryFolder()
    {
        using var f = new LibraryFixture();

        var p = await f.CreateAsync("../../etc/passwd");

        Assert.Equal("etc-passwd", p.Id);
        Assert.StartsWith(f.Library.Paths.Library, Path.GetFullPath(f.Library.Paths.PersonaFolderOf(p.Id)), StringComparison.Ordinal);
    }
}
