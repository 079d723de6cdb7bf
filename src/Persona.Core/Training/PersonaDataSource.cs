namespace Persona.Core.Training;

/// <summary>Everything the training stage knows about one persona before filtering.</summary>
/// <param name="Name">Display name (the cluster's name, or "core").</param>
/// <param name="Slug">File-name part: <c>persona_&lt;slug&gt;_train.jsonl</c>.</param>
/// <param name="SystemPrompt">The persona's system prompt.</param>
/// <param name="PromptSource">Where the prompt came from.</param>
/// <param name="Messages">The person's messages in this mode.</param>
/// <param name="Interview">Interview answers (the core persona only).</param>
public sealed record PersonaDataSource(
    string Name,
    string Slug,
    string SystemPrompt,
    SystemPromptSource PromptSource,
    IReadOnlyList<SourceMessage> Messages,
    IReadOnlyList<InterviewExchange> Interview)
{
    /// <summary>The files this persona's data and prompt came from, with their hashes.</summary>
    public IReadOnlyList<InputFile> Inputs { get; init; } = [];
}
