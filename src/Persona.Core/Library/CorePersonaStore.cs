using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Persona.Core.Storage;

namespace Persona.Core.Library;

/// <summary>
/// The person's core persona (<c>persona/core.json</c>) with an append-only history in
/// <c>persona/core-history/</c>. Applying or merging an interview draft, writing fields derived from
/// memories and reverting all append a version under the profile lock with an expected-version check,
/// so every change can be undone.
/// </summary>
public sealed partial class CorePersonaStore
{
    private const int MaxDepth = 4;
    private readonly PersonaLibrary _library;

    internal CorePersonaStore(PersonaLibrary library)
    {
        _library = library;
    }

    private ProfilePaths Paths => _library.Paths;

    /// <summary>The current core persona; version 0 with no fields when nothing was written yet.</summary>
    public async Task<CorePersona> GetAsync(CancellationToken cancellationToken = default)
    {
        var latest = VersionFiles.Latest(Paths.CoreHistory);
        if (latest == 0)
            return new CorePersona(0, DateTimeOffset.UnixEpoch, "", PersonaChangeKind.Created, null, null, [], new Dictionary<string, CoreFieldProvenance>());
        return await VersionFiles.ReadAsync(Paths.CoreHistory, latest, LibraryJsonContext.Default.CorePersona, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every version, oldest first.</summary>
    public async Task<IReadOnlyList<CorePersona>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<CorePersona>();
        foreach (var v in VersionFiles.List(Paths.CoreHistory))
            result.Add(await VersionFiles.ReadAsync(Paths.CoreHistory, v, LibraryJsonContext.Default.CorePersona, cancellationToken).ConfigureAwait(false));
        return result;
    }

    /// <summary>One stored version.</summary>
    public Task<CorePersona> GetVersionAsync(int version, CancellationToken cancellationToken = default)
    {
        if (!VersionFiles.List(Paths.CoreHistory).Contains(version))
            throw new PersonaLibraryException(PersonaLibraryError.NotFound, $"The core persona has no version {version}.");
        return VersionFiles.ReadAsync(Paths.CoreHistory, version, LibraryJsonContext.Default.CorePersona, cancellationToken);
    }

    /// <summary>Applies (replace) or merges fields as a new version; <paramref name="expectedVersion"/> must be current.</summary>
    public Task<CorePersona> ApplyAsync(CorePersonaUpdate update, int expectedVersion, string? author = null, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        RequireValid(update);
        return _library.WithLockAsync(async () =>
        {
            var current = await GetAsync(cancellationToken).ConfigureAwait(false);
            Expect(expectedVersion, current.Version);
            var now = _library.Time.GetUtcNow();
            var fields = update.Mode == CoreUpdateMode.Replace ? new JsonObject() : (JsonObject)current.Fields.DeepClone();
            var provenance = update.Mode == CoreUpdateMode.Replace
                ? new Dictionary<string, CoreFieldProvenance>()
                : new Dictionary<string, CoreFieldProvenance>(current.Provenance);
            foreach (var (path, value) in update.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                SetPath(fields, path, value?.DeepClone());
                foreach (var key in provenance.Keys.Where(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal)).ToList())
                    provenance.Remove(key);
                if (value is not null)
                    provenance[path] = new CoreFieldProvenance(update.Source, update.Confidence, now);
            }

            var next = new CorePersona(current.Version + 1, now, _library.AuthorOr(author), current.Version == 0 ? PersonaChangeKind.Created : PersonaChangeKind.Edited, null, note, fields, provenance);
            await WriteAsync(next, cancellationToken).ConfigureAwait(false);
            return next;
        }, cancellationToken);
    }

    /// <summary>Appends a new version whose fields equal version <paramref name="toVersion"/>.</summary>
    public async Task<CorePersona> RevertAsync(int toVersion, int expectedVersion, string? author = null, CancellationToken cancellationToken = default)
    {
        var old = await GetVersionAsync(toVersion, cancellationToken).ConfigureAwait(false);
        return await _library.WithLockAsync(async () =>
        {
            var current = await GetAsync(cancellationToken).ConfigureAwait(false);
            Expect(expectedVersion, current.Version);
            var next = old with
            {
                Version = current.Version + 1,
                UpdatedAt = _library.Time.GetUtcNow(),
                Author = _library.AuthorOr(author),
                Change = PersonaChangeKind.Reverted,
                RevertedFrom = toVersion,
                Note = null,
            };
            await WriteAsync(next, cancellationToken).ConfigureAwait(false);
            return next;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(CorePersona next, CancellationToken cancellationToken)
    {
        await VersionFiles.AppendAsync(Paths.CoreHistory, next.Version, next, LibraryJsonContext.Default.CorePersona, cancellationToken).ConfigureAwait(false);
        // core.json mirrors the newest history version, so other tools can read one well-known file.
        await AtomicFile.WriteAsync(Paths.CoreFile, (s, ct) => JsonSerializer.SerializeAsync(s, next, LibraryJsonContext.Default.CorePersona, ct), cancellationToken).ConfigureAwait(false);
    }

    private static void Expect(int expected, int actual)
    {
        if (expected != actual)
        {
            throw new PersonaLibraryException(PersonaLibraryError.Conflict,
                $"The core persona is at version {actual}, not the expected version {expected}: it was changed by someone else. Reload and try again.");
        }
    }

    private static void RequireValid(CorePersonaUpdate update)
    {
        var problems = new List<string>();
        foreach (var path in update.Fields.Keys)
        {
            if (!FieldPath().IsMatch(path) || path.Split('.').Length > MaxDepth)
                problems.Add($"field path '{path}' must be 1–{MaxDepth} dot-separated names (letters, digits, '_', starting with a letter)");
        }

        if (update.Confidence is { } c && (double.IsNaN(c) || c < 0 || c > 1))
            problems.Add($"confidence {c} must be between 0 and 1");
        if (problems.Count > 0)
            throw new PersonaLibraryException(PersonaLibraryError.Validation, "Invalid core persona update: " + string.Join("; ", problems) + ".");
    }

    private static void SetPath(JsonObject root, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        var node = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (node[segments[i]] is not JsonObject child)
            {
                if (value is null)
                    return;
                child = [];
                node[segments[i]] = child;
            }

            node = child;
        }

        if (value is null)
            node.Remove(segments[^1]);
        else
            node[segments[^1]] = value;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63})*$")]
    private static partial Regex FieldPath();
}
