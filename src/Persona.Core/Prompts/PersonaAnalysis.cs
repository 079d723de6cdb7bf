namespace Persona.Core.Prompts;

/// <summary>One persona's measured profile and, per feature key, the ids of messages that show it.</summary>
internal sealed record PersonaAnalysis(
    PersonaMessageSet Source,
    IReadOnlyList<MessageFeatures> Features,
    StyleProfile Profile,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Evidence)
{
    public IReadOnlyList<string> EvidenceFor(string key) => Evidence.TryGetValue(key, out var ids) ? ids : [];
}
