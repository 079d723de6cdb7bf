namespace Persona.Core.Library;

/// <summary>The stored <c>contexts.json</c>: every context and the global default.</summary>
/// <param name="Revision">Incremented by every change; the expected-version check for context edits.</param>
/// <param name="GlobalDefaultPersonaId">Used when a context has no usable default; null means the built-in fallback.</param>
/// <param name="Contexts">Every context, sorted by id.</param>
public sealed record PersonaContexts(int Revision, string? GlobalDefaultPersonaId, IReadOnlyList<PersonaContext> Contexts)
{
    public static PersonaContexts Empty { get; } = new(0, null, []);

    public PersonaContext? Find(string contextId) => Contexts.FirstOrDefault(c => c.Id == contextId);
}
