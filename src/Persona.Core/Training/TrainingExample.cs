namespace Persona.Core.Training;

/// <summary>
/// One training conversation: the persona's system prompt, the context the person answered as the user
/// turn, and the person's own words as the assistant turn (the only turn trained on).
/// </summary>
/// <param name="Id">Stable id: the message id, or <c>interview:&lt;session&gt;:&lt;answer&gt;</c>.</param>
/// <param name="Source">Imported message or interview answer.</param>
/// <param name="Context">What the user turn is.</param>
/// <param name="Turns">System, user, assistant.</param>
public sealed record TrainingExample(string Id, ExampleSource Source, ContextKind Context, IReadOnlyList<TrainingTurn> Turns)
{
    /// <summary>True when part of the example (the user turn) was written by a model, not taken from data.</summary>
    public bool Synthetic => Context == ContextKind.SyntheticPrompt;

    /// <summary>Token ids and assistant mask, present when a tokenizer was given.</summary>
    public TokenizedConversation? Tokens { get; init; }

    /// <summary>The person's words: the content of the trained turns.</summary>
    public string AssistantText => string.Join("\n", Turns.Where(t => t.Role == TrainingRole.Assistant).Select(t => t.Content));
}
