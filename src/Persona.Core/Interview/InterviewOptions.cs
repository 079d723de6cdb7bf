using Persona.Core.Library;

namespace Persona.Core.Interview;

/// <summary>Whose interviews, where, and how ids are drawn. Validated once by <see cref="InterviewEngine"/>.</summary>
public sealed record InterviewOptions
{
    /// <summary>The folder holding every profile (default <c>data/profiles</c>).</summary>
    public string ProfilesRoot { get; init; } = ProfilePaths.DefaultRoot;

    /// <summary>The user being interviewed; a safe path segment.</summary>
    public required string ProfileId { get; init; }

    /// <summary>Seed for session ids and phrasing variants; null draws one (it is recorded in the session either way).</summary>
    public int? Seed { get; init; }

    /// <summary>Author recorded on core persona versions an apply or merge creates.</summary>
    public string Author { get; init; } = Environment.UserName;

    internal ProfilePaths Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ProfilesRoot))
            problems.Add("ProfilesRoot must not be empty");
        if (SafePathSegment.Problem(ProfileId) is { } problem)
            problems.Add($"Profile id '{ProfileId}' {problem}");
        if (string.IsNullOrWhiteSpace(Author))
            problems.Add("Author must not be empty");
        if (problems.Count > 0)
            throw new InterviewException(InterviewError.Validation, "Invalid interview options: " + string.Join("; ", problems) + ".");
        return new ProfilePaths(ProfilesRoot, ProfileId);
    }
}
