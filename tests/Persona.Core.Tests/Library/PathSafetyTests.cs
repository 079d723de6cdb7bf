using Persona.Core.Library;

namespace Persona.Core.Tests.Library;

public sealed class PathSafetyTests
{
    public static TheoryData<string> Unsafe => new()
    {
        "..", "../x", "a/b", "a\\b", "/etc", "C:\\x", ".hidden", "a..b", "CON", "nul.txt", "com1", "x.", "", "with space", new string('a', 65), "-dash",
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Problem_UnsafeSegment_IsReported(string value) => Assert.NotNull(SafePathSegment.Problem(value));

    [Theory]
    [InlineData("alice")]
    [InlineData("user_01.backup")]
    [InlineData("Project-X")]
    public void Problem_SafeSegment_IsNull(string value) => Assert.Null(SafePathSegment.Problem(value));

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Library_UnsafeProfileId_IsRejected(string profileId)
    {
        var ex = Assert.Throws<PersonaLibraryException>(() => new PersonaLibrary(new PersonaLibraryOptions { ProfilesRoot = Path.GetTempPath(), ProfileId = profileId }));
        Assert.Equal(PersonaLibraryError.Validation, ex.Error);
    }

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task Library_UnsafePersonaOrContextId_IsRejectedEverywhere(string id)
    {
        using var f = new LibraryFixture();
        var ct = TestContext.Current.CancellationToken;

        await AssertValidation(() => f.Library.GetAsync(id, ct));
        await AssertValidation(() => f.Library.EditAsync(id, 1, new PersonaChanges(Name: "x"), cancellationToken: ct));
        await AssertValidation(() => f.Library.CreateAsync(new PersonaDraft("Name", "Text.", Id: id), cancellationToken: ct));
        await AssertValidation(() => f.Library.AssignAsync(id, PersonaLibrary.BuiltinFallbackId, cancellationToken: ct));
        await AssertValidation(() => f.Library.ResolveAsync(new PersonaRequest(id), cancellationToken: ct));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(f.Root, "*", SearchOption.AllDirectories), p => !p.StartsWith(f.Library.Paths.Profile, StringComparison.Ordinal));
    }

    private static async Task AssertValidation(Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<PersonaLibraryException>(action);
        Assert.Equal(PersonaLibraryError.Validation, ex.Error);
    }
}
