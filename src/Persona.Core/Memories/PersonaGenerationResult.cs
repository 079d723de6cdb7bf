namespace Persona.Core.Memories;

/// <summary>What <c>persona generate</c> did for one user.</summary>
/// <param name="Mode">How fields were derived, e.g. <c>offline (extractive-v1 memories, recurring topics)</c>.</param>
/// <param name="Refresh">The memory refresh, when one ran.</param>
/// <param name="Memories">Memories the fields were derived from.</param>
/// <param name="CurrentFocus">Derived <c>currentFocus</c> terms (recurring in recent conversations).</param>
/// <param name="Interests">Derived <c>interests</c> terms (recurring across all conversations).</param>
/// <param name="CoreVersion">The core persona version after the update (unchanged when nothing was derived).</param>
/// <param name="Updated">True when a new core persona version was written.</param>
public sealed record PersonaGenerationResult(
    string Mode,
    MemoryRefreshResult? Refresh,
    int Memories,
    IReadOnlyList<string> CurrentFocus,
    IReadOnlyList<string> Interests,
    int CoreVersion,
    bool Updated);
