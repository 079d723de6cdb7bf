using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

/// <summary>Real separate processes racing on one profile, and a writer killed in the middle of a write.</summary>
public sealed class MultiProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edit_TwoProcessesRaceOnSameVersion_ExactlyOneWinsOtherConflictsNothingLost()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Shared", "Original.");
        var go = Path.Combine(f.Root, "go");

        using var a = ChildProcess.Start("edit", f.Root, "alice", p.Id, "1", "From process A.", go);
        using var b = ChildProcess.Start("edit", f.Root, "alice", p.Id, "1", "From process B.", go);
        await a.WaitForLineAsync("READY", Ct);
        await b.WaitForLineAsync("READY", Ct);
        await File.WriteAllTextAsync(go, "go", Ct);
        var ra = await a.WaitForExitAsync(Ct);
        var rb = await b.WaitForExitAsync(Ct);

        Assert.Equal([0, 10], new[] { ra.ExitCode, rb.ExitCode }.Order());
        var winner = ra.ExitCode == 0 ? "From process A." : "From process B.";
        var loser = ra.ExitCode == 0 ? rb : ra;
        Assert.Contains("not the expected version 1", loser.Output);
        var history = await f.Library.HistoryAsync(p.Id, Ct);
        Assert.Equal(["Original.", winner], history.Select(h => h.Persona.Instructions));
    }

    [Fact]
    public async Task Edit_WriterKilledMidWrite_PreviousVersionStaysReadableAndLockIsReleased()
    {
        using var f = new LibraryFixture();
        var p = await f.CreateAsync("Fragile", "Survives.");

        using (var child = ChildProcess.Start("hang-mid-write", f.Root, "alice", p.Id))
        {
            await child.WaitForLineAsync("WRITING", Ct);
            Assert.Single(Directory.EnumerateFiles(f.Library.Paths.PersonaFolderOf(p.Id), ".v000002.json.*.tmp"));
            await child.KillAsync(Ct);
        }

        var current = await f.Library.GetAsync(p.Id, Ct);
        var history = await f.Library.HistoryAsync(p.Id, Ct);
        var edited = await f.Library.EditAsync(p.Id, 1, new PersonaChanges(Instructions: "After the crash."), cancellationToken: Ct);

        Assert.Equal((1, "Survives."), (current.Version, current.Instructions));
        Assert.Single(history);
        Assert.Equal(2, edited.Version);
        Assert.False(File.Exists(Path.Combine(f.Library.Paths.PersonaFolderOf(p.Id), "v000003.json")));
    }
}
