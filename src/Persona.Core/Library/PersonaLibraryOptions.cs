namespace Persona.Core.Library;

/// <summary>Where a profile's library lives and how it is written. Validated once by <see cref="PersonaLibrary"/>.</summary>
public sealed record PersonaLibraryOptions
{
    /// <summary>The folder holding every profile (default <c>data/profiles</c>).</summary>
    public string ProfilesRoot { get; init; } = ProfilePaths.DefaultRoot;

    /// <summary>The user whose library this is; a safe path segment.</summary>
    public required string ProfileId { get; init; }

    /// <summary>How long to wait for another writer to release the profile lock.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Author recorded on versions when a call does not name one.</summary>
    public string DefaultAuthor { get; init; } = Environment.UserName;

    internal ProfilePaths Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ProfilesRoot))
            problems.Add("ProfilesRoot must not be empty");
        if (SafePathSegment.Problem(ProfileId) is { } p)
            problems.Add($"Profile id '{ProfileId}' {p}");
        if (LockTimeout <= TimeSpan.Zero)
            problems.Add("LockTimeout must be positive");
        if (string.IsNullOrWhiteSpace(DefaultAuthor))
            problems.Add("DefaultAuthor must not be empty");
        if (problems.Count > 0)
            throw new PersonaLibraryException(PersonaLibraryError.Validation, "Invalid library options: " + string.Join("; ", problems) + ".");
        return new ProfilePaths(ProfilesRoot, ProfileId);
    }
}
