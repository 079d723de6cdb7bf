namespace Persona.Tensors.Training;

/// <summary>Conversations read from a JSONL file, with a diagnostic for every line that was skipped.</summary>
public sealed record ChatDataSet(IReadOnlyList<ChatConversation> Conversations, IReadOnlyList<ChatDataDiagnostic> Diagnostics, string Sha256);
