using System.Text.Json;
using Persona.Core.Storage;

namespace Persona.Core.Library;

/// <summary>Contexts: assignments, context defaults and the global default (<c>contexts.json</c>).</summary>
public sealed partial class PersonaLibrary
{
    /// <summary>Every context and the global default.</summary>
    public async Task<PersonaContexts> GetContextsAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Paths.ContextsFile))
            return PersonaContexts.Empty;
        await using var stream = new FileStream(Paths.ContextsFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 14, FileOptions.Asynchronous);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, LibraryJsonContext.Default.PersonaContexts, cancellationToken).ConfigureAwait(false)
                ?? PersonaContexts.Empty;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Paths.ContextsFile}: not a valid contexts file (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    /// <summary>Assigns a persona to a context (created on first use), optionally making it the context's default.</summary>
    public Task<PersonaContexts> AssignAsync(string contextId, string personaId, bool makeDefault = false, PersonaContextKind kind = PersonaContextKind.Other, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        ChangeContextsAsync(contextId, expectedRevision, async (contexts, context) =>
        {
            await RequireActiveAsync(personaId, cancellationToken).ConfigureAwait(false);
            var existing = context ?? new PersonaContext(contextId, kind, [], null);
            var ids = existing.PersonaIds.Contains(personaId) ? existing.PersonaIds : [.. existing.PersonaIds, personaId];
            return existing with { PersonaIds = ids, DefaultPersonaId = makeDefault ? personaId : existing.DefaultPersonaId };
        }, cancellationToken);

    /// <summary>Removes a persona from a context; clears the context default when it was that persona.</summary>
    public Task<PersonaContexts> UnassignAsync(string contextId, string personaId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        ChangeContextsAsync(contextId, expectedRevision, (contexts, context) =>
        {
            if (context is null || !context.PersonaIds.Contains(personaId))
                throw NotFound($"Persona '{personaId}' is not assigned to context '{contextId}'.");
            return Task.FromResult<PersonaContext?>(context with
            {
                PersonaIds = [.. context.PersonaIds.Where(p => p != personaId)],
                DefaultPersonaId = context.DefaultPersonaId == personaId ? null : context.DefaultPersonaId,
            });
        }, cancellationToken);

    /// <summary>Makes an assigned persona the context's default (null clears it).</summary>
    public Task<PersonaContexts> SetContextDefaultAsync(string contextId, string? personaId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        ChangeContextsAsync(contextId, expectedRevision, (contexts, context) =>
        {
            if (context is null)
                throw NotFound($"No context '{contextId}'; assign a persona to it first.");
            if (personaId is not null && !context.PersonaIds.Contains(personaId))
                throw new PersonaLibraryException(PersonaLibraryError.Validation, $"Persona '{personaId}' is not assigned to context '{contextId}'; assign it first.");
            return Task.FromResult<PersonaContext?>(context with { DefaultPersonaId = personaId });
        }, cancellationToken);

    /// <summary>Sets the profile-wide default persona (null means the built-in fallback).</summary>
    public Task<PersonaContexts> SetGlobalDefaultAsync(string? personaId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        WithLockAsync(async () =>
        {
            var contexts = await GetContextsAsync(cancellationToken).ConfigureAwait(false);
            if (expectedRevision is { } expected)
                ExpectVersion("The contexts file", expected, contexts.Revision);
            if (personaId is not null)
                await RequireActiveAsync(personaId, cancellationToken).ConfigureAwait(false);
            var next = contexts with { Revision = contexts.Revision + 1, GlobalDefaultPersonaId = personaId };
            await WriteContextsAsync(next, cancellationToken).ConfigureAwait(false);
            return next;
        }, cancellationToken);

    private Task<PersonaContexts> ChangeContextsAsync(
        string contextId,
        int? expectedRevision,
        Func<PersonaContexts, PersonaContext?, Task<PersonaContext?>> change,
        CancellationToken cancellationToken)
    {
        SafePathSegment.Require(contextId, "Context id");
        return WithLockAsync(async () =>
        {
            var contexts = await GetContextsAsync(cancellationToken).ConfigureAwait(false);
            if (expectedRevision is { } expected)
                ExpectVersion("The contexts file", expected, contexts.Revision);
            var updated = await change(contexts, contexts.Find(contextId)).ConfigureAwait(false);
            var list = contexts.Contexts.Where(c => c.Id != contextId).ToList();
            if (updated is not null)
                list.Add(updated);
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            var next = contexts with { Revision = contexts.Revision + 1, Contexts = list };
            await WriteContextsAsync(next, cancellationToken).ConfigureAwait(false);
            return next;
        }, cancellationToken);
    }

    private Task WriteContextsAsync(PersonaContexts contexts, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Paths.ContextsFile, (stream, ct) => JsonSerializer.SerializeAsync(stream, contexts, LibraryJsonContext.Default.PersonaContexts, ct), cancellationToken);

    private async Task<PersonaEntry> RequireActiveAsync(string personaId, CancellationToken cancellationToken)
    {
        SafePathSegment.Require(personaId, "Persona id");
        var persona = await GetAsync(personaId, cancellationToken).ConfigureAwait(false);
        if (!persona.IsActive)
            throw new PersonaLibraryException(PersonaLibraryError.Validation, $"Persona '{personaId}' is deleted; restore it first.");
        return persona;
    }
}
