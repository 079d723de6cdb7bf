namespace Persona.Core.Library;

/// <summary>
/// The per-user store layout under the profiles root (default <c>data/profiles/</c>):
/// <c>&lt;user&gt;/persona/</c> (core.json, core-history/, library/, contexts.json),
/// <c>&lt;user&gt;/memory/</c> and <c>&lt;user&gt;/logs/</c>. The profile id is checked once here,
/// so nothing built from these paths can leave the profile folder.
/// </summary>
public sealed record ProfilePaths
{
    /// <summary>The default profiles root, relative to the working directory.</summary>
    public const string DefaultRoot = "data/profiles";

    public ProfilePaths(string profilesRoot, string profileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(profilesRoot);
        ProfileId = SafePathSegment.Require(profileId, "Profile id");
        ProfilesRoot = Path.GetFullPath(profilesRoot);
        Profile = Path.Combine(ProfilesRoot, ProfileId);
    }

    public string ProfilesRoot { get; }

    public string ProfileId { get; }

    public string Profile { get; }

    public string PersonaFolder => Path.Combine(Profile, "persona");

    public string CoreFile => Path.Combine(PersonaFolder, "core.json");

    public string CoreHistory => Path.Combine(PersonaFolder, "core-history");

    public string Library => Path.Combine(PersonaFolder, "library");

    public string ContextsFile => Path.Combine(PersonaFolder, "contexts.json");

    public string LockFile => Path.Combine(PersonaFolder, ".lock");

    public string Interviews => Path.Combine(PersonaFolder, "interviews");

    public string Memory => Path.Combine(Profile, "memory");

    public string ConversationMemories => Path.Combine(Memory, "conversations.json");

    public string Logs => Path.Combine(Profile, "logs");

    public string UsageLog => Path.Combine(Logs, "persona-usage.jsonl");

    /// <summary>The folder holding every version of one persona.</summary>
    public string PersonaFolderOf(string personaId) => Path.Combine(Library, SafePathSegment.Require(personaId, "Persona id"));

    /// <summary>File name of version <paramref name="version"/> inside a history folder.</summary>
    public static string VersionFileName(int version) => $"v{version:D6}.json";
}
