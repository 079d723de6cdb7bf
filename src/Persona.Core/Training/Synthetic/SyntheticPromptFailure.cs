namespace Persona.Core.Training.Synthetic;

/// <summary>An opener the responder gave no usable user turn for; its example keeps the generic opener.</summary>
/// <param name="Persona">Slug of the persona the message belongs to.</param>
/// <param name="MessageId">The person's message.</param>
/// <param name="Reason">The server error, or what was wrong with the answers.</param>
public sealed record SyntheticPromptFailure(string Persona, string MessageId, string Reason)
{
    public override string ToString() => $"message {MessageId} ({Persona}): {Reason}";
}
