using Persona.Core.Library;
using Persona.Tests;

namespace Persona.Core.Tests.Library;

/// <summary>A fresh profile in a temp folder with a manual clock.</summary>
internal sealed class LibraryFixture : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.CreateTempDirectory();

    public LibraryFixture(string profileId = "alice")
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        Library = new PersonaLibrary(new PersonaLibraryOptions { ProfilesRoot = _dir.Path, ProfileId = profileId, DefaultAuthor = "tester", LockTimeout = TimeSpan.FromSeconds(5) }, Clock);
    }

    public string Root => _dir.Path;

    public ManualTimeProvider Clock { get; }

    public PersonaLibrary Library { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<PersonaEntry> CreateAsync(string name, string instructions = "Answer like an engineer: short, precise, with examples.") =>
        Library.CreateAsync(new PersonaDraft(name, instructions, "test persona"), cancellationToken: Ct);

    public void Dispose() => _dir.Dispose();
}
