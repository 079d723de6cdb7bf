namespace Persona.Core.Training;

/// <summary>An example rendered through a chat template: token ids and, per id, whether the loss covers it.</summary>
public sealed record TokenizedConversation(IReadOnlyList<int> Ids, IReadOnlyList<bool> AssistantMask);
