namespace Persona.Core.Interview;

/// <summary>A model's analysis of one answer.</summary>
internal sealed record ModelAnalysisReply(string Richness, IReadOnlyList<string> KeyPhrases, IReadOnlyList<string> SensitiveTopics, string Reflection);
