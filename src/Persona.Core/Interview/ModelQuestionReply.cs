namespace Persona.Core.Interview;

/// <summary>The question a model wrote (structured answer of the psychotherapist role).</summary>
internal sealed record ModelQuestionReply(string Question);
