namespace Persona.Core.Llm;

/// <summary>Where an LLM-assisted result came from; written into every output that used one.</summary>
/// <param name="Path">Model, repaired, or offline.</param>
/// <param name="Model">The model id that answered (as the server reported it); null offline.</param>
/// <param name="Provider">The provider name (ollama, openai, …); null offline.</param>
/// <param name="Note">Why this path ran: e.g. "no model configured", the schema violations, the server error.</param>
public sealed record LlmProvenance(LlmPath Path, string? Model, string? Provider, string? Note)
{
    public static LlmProvenance Offline(string note) => new(LlmPath.Offline, null, null, note);
}
