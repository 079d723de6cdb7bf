namespace Persona.Core.Import;

/// <summary>How this run changed the conversations already in the output folder.</summary>
/// <param name="Added">Conversations not there before.</param>
/// <param name="Updated">Conversations there before whose person messages or context changed.</param>
/// <param name="Unchanged">Conversations there before with identical content.</param>
/// <param name="Kept">Conversations there before that this run's inputs did not contain (kept as they were).</param>
/// <param name="AddedIds">Ids of the added conversations.</param>
/// <param name="UpdatedIds">Ids of the updated conversations.</param>
public sealed record ImportChanges(
    int Added,
    int Updated,
    int Unchanged,
    int Kept,
    IReadOnlyList<string> AddedIds,
    IReadOnlyList<string> UpdatedIds);
