namespace Persona.Core.Categorization;

/// <summary>
/// <c>extracted/categorized_messages.info.json</c>: what the categorized dataset was computed from,
/// so a refresh can reuse it when messages, rules and strategy are unchanged.
/// </summary>
public sealed record CategorizationInfo(string MessagesHash, string RulesHash, string RulesSource, string Strategy, int MessageCount);
