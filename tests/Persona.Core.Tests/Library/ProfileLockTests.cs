using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

public sealed class ProfileLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Change_LockHeldElsewhere_FailsWithLockTimeoutAndWritesNothing()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Locked", "Before.");
        var impatient = new PersonaLibrary(new PersonaLibraryOptions { ProfilesRoot = f.Root, ProfileId = "alice", LockTimeout = TimeSpan.FromMilliseconds(150) });

        PersonaLibraryException ex;
        using (new FileStream(f.Library.Paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            ex = await Assert.ThrowsAsync<PersonaLibraryException>(() => impatient.EditAsync(p.Id, 1, new PersonaChanges(Instructions: "After."), cancellationToken: Ct));
        }

        Assert.Equal(PersonaLibraryError.LockTimeout, ex.Error);
        Assert.Equal("Before.", (await f.Library.GetAsync(p.Id, Ct)).Instructions);
        Assert.Equal(2, (await impatient.EditAsync(p.Id, 1, new PersonaChanges(Instructions: "After."), cancellationToken: Ct)).Version);
    }

    [Fact]
    public async Task UsageLog_CorruptLine_IsSkippedWithFileAndLine()
    {
        using var f = new LibraryFixture();
        await f.Library.ResolveAsync(new PersonaRequest("c", RequestId: "ok-1"), cancellationToken: Ct);
        await File.AppendAllTextAsync(f.Library.Paths.UsageLog, "{not json\n", Ct);
        await f.Library.ResolveAsync(new PersonaRequest("c", RequestId: "ok-2"), cancellationToken: Ct);

        var log = await f.Library.ReadUsageLogAsync(cancellationToken: Ct);

        Assert.Equal(["ok-1", "ok-2"], log.Entries.Select(e => e.RequestId));
        var skipped = Assert.Single(log.Skipped);
        Assert.Contains("persona-usage.jsonl:2", skipped);
    }

    [Fact]
    public async Task Get_CorruptVersionFile_NamesTheFile()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Broken");
        var file = Path.Combine(f.Library.Paths.PersonaFolderOf(p.Id), "v000002.json");
        await File.WriteAllTextAsync(file, "{\"persona\": ", Ct);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => f.Library.GetAsync(p.Id, Ct));

        Assert.Contains("v000002.json", ex.Message);
    }
}
