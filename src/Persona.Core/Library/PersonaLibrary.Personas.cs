namespace Persona.Core.Library;

/// <summary>Personas: list, read, create, edit, soft-delete, restore, history and revert.</summary>
public sealed partial class PersonaLibrary
{
    /// <summary>The current version of every persona (soft-deleted ones only when asked), the fallback included.</summary>
    public async Task<IReadOnlyList<PersonaEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var result = new List<PersonaEntry>();
        if (Directory.Exists(Paths.Library))
        {
            foreach (var folder in Directory.EnumerateDirectories(Paths.Library).Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileName(folder);
                if (SafePathSegment.Problem(id) is not null || VersionFiles.Latest(folder) == 0)
                    continue;
                var persona = await GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (persona.IsActive || includeDeleted)
                    result.Add(persona);
            }
        }

        if (!result.Any(p => p.Id == BuiltinFallbackId))
            result.Insert(0, BuiltinFallback(version: 0));
        return result;
    }

    /// <summary>The current version of a persona.</summary>
    public async Task<PersonaEntry> GetAsync(string personaId, CancellationToken cancellationToken = default)
    {
        var folder = Paths.PersonaFolderOf(personaId);
        var latest = VersionFiles.Latest(folder);
        if (latest == 0)
        {
            return personaId == BuiltinFallbackId
                ? BuiltinFallback(version: 0)
                : throw NotFound($"No persona '{personaId}' in profile '{Paths.ProfileId}'.");
        }

        var version = await VersionFiles.ReadAsync(folder, latest, LibraryJsonContext.Default.PersonaVersion, cancellationToken).ConfigureAwait(false);
        return version.Persona;
    }

    /// <summary>Every version of a persona, oldest first.</summary>
    public async Task<IReadOnlyList<PersonaVersion>> HistoryAsync(string personaId, CancellationToken cancellationToken = default)
    {
        var folder = Paths.PersonaFolderOf(personaId);
        var versions = VersionFiles.List(folder);
        if (versions.Count == 0 && personaId != BuiltinFallbackId)
            throw NotFound($"No persona '{personaId}' in profile '{Paths.ProfileId}'.");
        var result = new List<PersonaVersion>(versions.Count);
        foreach (var v in versions)
            result.Add(await VersionFiles.ReadAsync(folder, v, LibraryJsonContext.Default.PersonaVersion, cancellationToken).ConfigureAwait(false));
        return result;
    }

    /// <summary>One stored version of a persona.</summary>
    public async Task<PersonaVersion> GetVersionAsync(string personaId, int version, CancellationToken cancellationToken = default)
    {
        var folder = Paths.PersonaFolderOf(personaId);
        if (!VersionFiles.List(folder).Contains(version))
            throw NotFound($"Persona '{personaId}' has no version {version}.");
        return await VersionFiles.ReadAsync(folder, version, LibraryJsonContext.Default.PersonaVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a persona as version 1. The id is the draft's or one derived from the name.</summary>
    public Task<PersonaEntry> CreateAsync(PersonaDraft draft, string? author = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        PersonaValidator.Require(draft.Name, draft.Instructions, draft.Description);
        if (draft.Id is not null)
            SafePathSegment.Require(draft.Id, "Persona id");
        if (draft.Source == PersonaSource.Builtin)
            throw new PersonaLibraryException(PersonaLibraryError.Forbidden, "Only the toolkit creates built-in personas.");

        return WithLockAsync(async () =>
        {
            var id = draft.Id ?? UniqueId(SafePathSegment.Slug(draft.Name, "persona"));
            if (VersionFiles.Latest(Paths.PersonaFolderOf(id)) > 0 || id == BuiltinFallbackId)
                throw new PersonaLibraryException(PersonaLibraryError.Conflict, $"A persona with id '{id}' already exists.");
            var now = _time.GetUtcNow();
            var entry = new PersonaEntry(id, draft.Name.Trim(), draft.Instructions, draft.Description ?? "", draft.Source, 1, true, now, now, AuthorOr(author));
            await AppendAsync(new PersonaVersion(entry, PersonaChangeKind.Created, null, null), cancellationToken).ConfigureAwait(false);
            return entry;
        }, cancellationToken);
    }

    /// <summary>Changes fields of a persona; <paramref name="expectedVersion"/> must be its current version.</summary>
    public Task<PersonaEntry> EditAsync(string personaId, int expectedVersion, PersonaChanges changes, string? author = null, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return ChangeAsync(personaId, expectedVersion, author, current =>
        {
            var name = changes.Name?.Trim() ?? current.Name;
            var instructions = changes.Instructions ?? current.Instructions;
            var description = changes.Description ?? current.Description;
            PersonaValidator.Require(name, instructions, description);
            return (current with { Name = name, Instructions = instructions, Description = description }, PersonaChangeKind.Edited, null, note);
        }, cancellationToken);
    }

    /// <summary>Soft-deletes a persona (a new inactive version); the built-in fallback cannot be deleted.</summary>
    public Task<PersonaEntry> DeleteAsync(string personaId, int expectedVersion, string? author = null, CancellationToken cancellationToken = default)
    {
        if (personaId == BuiltinFallbackId)
            throw new PersonaLibraryException(PersonaLibraryError.Forbidden, "The built-in fallback persona cannot be deleted; edit it instead.");
        return ChangeAsync(personaId, expectedVersion, author, current => current.IsActive
            ? (current with { IsActive = false }, PersonaChangeKind.Deleted, null, null)
            : throw new PersonaLibraryException(PersonaLibraryError.Conflict, $"Persona '{personaId}' is already deleted."), cancellationToken);
    }

    /// <summary>Makes a soft-deleted persona active again (a new version).</summary>
    public Task<PersonaEntry> RestoreAsync(string personaId, int expectedVersion, string? author = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(personaId, expectedVersion, author, current => !current.IsActive
            ? (current with { IsActive = true }, PersonaChangeKind.Restored, null, null)
            : throw new PersonaLibraryException(PersonaLibraryError.Conflict, $"Persona '{personaId}' is not deleted."), cancellationToken);

    /// <summary>Appends a new version whose content equals version <paramref name="toVersion"/>.</summary>
    public async Task<PersonaEntry> RevertAsync(string personaId, int toVersion, int expectedVersion, string? author = null, CancellationToken cancellationToken = default)
    {
        var old = (await GetVersionAsync(personaId, toVersion, cancellationToken).ConfigureAwait(false)).Persona;
        return await ChangeAsync(personaId, expectedVersion, author, current =>
            (current with { Name = old.Name, Instructions = old.Instructions, Description = old.Description, IsActive = old.IsActive || personaId == BuiltinFallbackId },
             PersonaChangeKind.Reverted, toVersion, null), cancellationToken).ConfigureAwait(false);
    }

    private Task<PersonaEntry> ChangeAsync(
        string personaId,
        int expectedVersion,
        string? author,
        Func<PersonaEntry, (PersonaEntry Next, PersonaChangeKind Kind, int? RevertedFrom, string? Note)> change,
        CancellationToken cancellationToken)
    {
        SafePathSegment.Require(personaId, "Persona id");
        return WithLockAsync(async () =>
        {
            var current = await GetAsync(personaId, cancellationToken).ConfigureAwait(false);
            ExpectVersion($"Persona '{personaId}'", expectedVersion, current.Version);
            var (next, kind, revertedFrom, note) = change(current);
            var entry = next with { Version = current.Version + 1, UpdatedAt = _time.GetUtcNow(), Author = AuthorOr(author) };
            await AppendAsync(new PersonaVersion(entry, kind, revertedFrom, note), cancellationToken).ConfigureAwait(false);
            return entry;
        }, cancellationToken);
    }

    private Task AppendAsync(PersonaVersion version, CancellationToken cancellationToken) =>
        VersionFiles.AppendAsync(Paths.PersonaFolderOf(version.Persona.Id), version.Persona.Version, version, LibraryJsonContext.Default.PersonaVersion, cancellationToken);

    private string UniqueId(string baseId)
    {
        var id = baseId;
        for (var n = 2; Directory.Exists(Path.Combine(Paths.Library, id)) || id == BuiltinFallbackId; n++)
            id = $"{baseId}-{n}";
        return id;
    }

    private static PersonaEntry BuiltinFallback(int version)
    {
        var epoch = DateTimeOffset.UnixEpoch;
        return new PersonaEntry(BuiltinFallbackId, BuiltinFallbackName, BuiltinFallbackInstructions,
            "Used when nothing else applies. Editable; cannot be deleted.", PersonaSource.Builtin, version, true, epoch, epoch, "persona-notebooks");
    }
}
