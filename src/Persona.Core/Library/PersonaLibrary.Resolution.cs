using System.Text;
using System.Text.Json;

namespace Persona.Core.Library;

/// <summary>Resolution (override → context default → global default → built-in fallback) and the usage log.</summary>
public sealed partial class PersonaLibrary
{
    /// <summary>
    /// Picks the persona for a request and appends the choice to the usage log. With
    /// <paramref name="preview"/> the entry is marked as a preview (what will serve), not a served request.
    /// </summary>
    public async Task<PersonaResolution> ResolveAsync(PersonaRequest request, bool preview = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SafePathSegment.Require(request.ContextId, "Context id");
        var contexts = await GetContextsAsync(cancellationToken).ConfigureAwait(false);
        var context = contexts.Find(request.ContextId);
        var notes = new List<string>();
        var requestId = request.RequestId ?? Guid.NewGuid().ToString("N");
        var at = _time.GetUtcNow();

        if (request.OverridePersonaId is { } overrideId)
        {
            if (SafePathSegment.Problem(overrideId) is { } problem)
                throw new PersonaLibraryException(PersonaLibraryError.Resolution, $"Override persona id '{overrideId}' {problem}.");
            if (context is null || !context.PersonaIds.Contains(overrideId))
                throw new PersonaLibraryException(PersonaLibraryError.Resolution, $"Override '{overrideId}' is not valid for context '{request.ContextId}': it is not assigned there.");
            var chosen = await TryActiveAsync(overrideId, cancellationToken).ConfigureAwait(false)
                ?? throw new PersonaLibraryException(PersonaLibraryError.Resolution, $"Override '{overrideId}' is not valid for context '{request.ContextId}': the persona is deleted or missing.");
            return await LogAsync(new PersonaResolution(requestId, request.ContextId, chosen, ResolutionReason.Override, $"override '{overrideId}' requested", at), preview, cancellationToken).ConfigureAwait(false);
        }

        if (context is null)
            notes.Add($"context '{request.ContextId}' has no assignments");
        else if (context.DefaultPersonaId is null)
            notes.Add($"context '{request.ContextId}' has no default");
        else if (await TryActiveAsync(context.DefaultPersonaId, cancellationToken).ConfigureAwait(false) is { } contextDefault)
            return await LogAsync(new PersonaResolution(requestId, request.ContextId, contextDefault, ResolutionReason.ContextDefault, $"default of context '{request.ContextId}'", at), preview, cancellationToken).ConfigureAwait(false);
        else
            notes.Add($"context default '{context.DefaultPersonaId}' is deleted or missing");

        if (contexts.GlobalDefaultPersonaId is null)
            notes.Add("no global default");
        else if (await TryActiveAsync(contexts.GlobalDefaultPersonaId, cancellationToken).ConfigureAwait(false) is { } globalDefault)
            return await LogAsync(new PersonaResolution(requestId, request.ContextId, globalDefault, ResolutionReason.GlobalDefault, "global default (" + string.Join("; ", notes) + ")", at), preview, cancellationToken).ConfigureAwait(false);
        else
            notes.Add($"global default '{contexts.GlobalDefaultPersonaId}' is deleted or missing");

        var fallback = await GetAsync(BuiltinFallbackId, cancellationToken).ConfigureAwait(false);
        return await LogAsync(new PersonaResolution(requestId, request.ContextId, fallback, ResolutionReason.BuiltinFallback, "built-in fallback (" + string.Join("; ", notes) + ")", at), preview, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The usage log, oldest first; optionally only one context's entries. Unreadable lines are skipped and counted.</summary>
    public async Task<UsageLogResult> ReadUsageLogAsync(string? contextId = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<PersonaUsageEntry>();
        var skipped = new List<string>();
        if (!File.Exists(Paths.UsageLog))
            return new UsageLogResult(entries, skipped);
        var lineNumber = 0;
        await foreach (var line in File.ReadLinesAsync(Paths.UsageLog, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                var entry = JsonSerializer.Deserialize(line, UsageLogJsonContext.Default.PersonaUsageEntry);
                if (entry is not null && (contextId is null || entry.ContextId == contextId))
                    entries.Add(entry);
            }
            catch (JsonException ex)
            {
                skipped.Add($"{Paths.UsageLog}:{lineNumber}: {ex.Message}");
            }
        }

        return new UsageLogResult(entries, skipped);
    }

    private async Task<PersonaEntry?> TryActiveAsync(string personaId, CancellationToken cancellationToken)
    {
        if (SafePathSegment.Problem(personaId) is not null)
            return null;
        try
        {
            var persona = await GetAsync(personaId, cancellationToken).ConfigureAwait(false);
            return persona.IsActive ? persona : null;
        }
        catch (PersonaLibraryException ex) when (ex.Error == PersonaLibraryError.NotFound)
        {
            return null;
        }
    }

    private async Task<PersonaResolution> LogAsync(PersonaResolution resolution, bool preview, CancellationToken cancellationToken)
    {
        var entry = new PersonaUsageEntry(resolution.RequestId, resolution.ContextId, resolution.Persona.Id, resolution.Persona.Version,
            resolution.Reason, resolution.Explanation, resolution.At, preview);
        var line = JsonSerializer.Serialize(entry, UsageLogJsonContext.Default.PersonaUsageEntry) + "\n";
        await WithLockAsync(async () =>
        {
            Directory.CreateDirectory(Paths.Logs);
            await File.AppendAllTextAsync(Paths.UsageLog, line, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
        LibraryLog.Resolved(_logger, resolution.RequestId, resolution.ContextId, resolution.Persona.Id, resolution.Persona.Version, resolution.Reason);
        return resolution;
    }
}
