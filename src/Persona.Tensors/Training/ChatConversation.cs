using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Training;

/// <summary>
/// One conversation of a chat JSONL file. <see cref="Trained"/> (one flag per message) says which turns the loss
/// covers — from the <c>trainer</c> format's <c>train</c> flags; otherwise the assistant turns.
/// <see cref="InputIds"/>/<see cref="AssistantMask"/> are the row's own tokenisation when it carries one.
/// </summary>
public sealed record ChatConversation(
    IReadOnlyList<ChatMessage> Messages,
    IReadOnlyList<bool> Trained,
    int Line,
    int[]? InputIds = null,
    bool[]? AssistantMask = null);
