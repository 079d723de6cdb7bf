using Persona.Core.Import;

namespace Persona.Corpora;

/// <summary>A generated person message with the mode that truly produced it.</summary>
public sealed record LabelledMessage(PersonMessage Message, string Mode, string AssistantReply);
