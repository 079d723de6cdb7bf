using System.Globalization;
using System.Text.Json;
using Persona.Core.Storage;

namespace Persona.Core.Interview;

/// <summary>Reading and writing session files, the index, the summary and the training copy.</summary>
public sealed partial class InterviewEngine
{
    /// <summary>Reads a session of this profile.</summary>
    /// <exception cref="InterviewException">Unsafe id, no such session here, or a session of another profile.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid session (the message names the file and line).</exception>
    public async Task<InterviewSession> LoadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var path = Paths.SessionFile(sessionId);
        if (!File.Exists(path))
            throw new InterviewException(InterviewError.NotFound, $"Profile '{_options.ProfileId}' has no interview session '{sessionId}'.");
        InterviewSession? session;
        try
        {
            await using var stream = File.OpenRead(path);
            session = await JsonSerializer.DeserializeAsync(stream, InterviewJsonContext.Default.InterviewSession, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}:{(ex.LineNumber ?? 0) + 1}: not a valid interview session: {ex.Message}"), ex);
        }

        if (session is null)
            throw new InvalidDataException($"{path}:1: not a valid interview session: null");
        if (!string.Equals(session.ProfileId, _options.ProfileId, StringComparison.Ordinal) || !string.Equals(session.SessionId, sessionId, StringComparison.Ordinal))
            throw new InterviewException(InterviewError.NotFound, $"Session '{sessionId}' does not belong to profile '{_options.ProfileId}'.");
        return session;
    }

    /// <summary>The profile's latest session when it is active or paused, else null.</summary>
    public async Task<InterviewSession?> FindUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var index = await ReadIndexAsync(cancellationToken).ConfigureAwait(false);
        if (index is null || index.Status is not (InterviewStatus.Active or InterviewStatus.Paused) || !File.Exists(Paths.SessionFile(index.LatestSessionId)))
            return null;
        var session = await LoadAsync(index.LatestSessionId, cancellationToken).ConfigureAwait(false);
        return session.Status is InterviewStatus.Active or InterviewStatus.Paused ? session : null;
    }

    /// <summary>The index (latest session of this profile), or null when there is none.</summary>
    public async Task<InterviewIndex?> ReadIndexAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Paths.IndexFile))
            return null;
        try
        {
            await using var stream = File.OpenRead(Paths.IndexFile);
            var index = await JsonSerializer.DeserializeAsync(stream, InterviewJsonContext.Default.InterviewIndex, cancellationToken).ConfigureAwait(false);
            return index is not null && index.ProfileId == _options.ProfileId && InterviewPathsAccepts(index.LatestSessionId) ? index : null;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{Paths.IndexFile}:{(ex.LineNumber ?? 0) + 1}: not a valid interview index: {ex.Message}"), ex);
        }
    }

    /// <summary>Every session id of this profile, oldest first (ids sort by start time).</summary>
    public IReadOnlyList<string> ListSessionIds() =>
        !Directory.Exists(Paths.Folder) ? [] :
        [.. Directory.EnumerateFiles(Paths.Folder, "iv-*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(InterviewPathsAccepts).Order(StringComparer.Ordinal)];

    private async Task SaveAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        session.UpdatedAt = _time.GetUtcNow();
        session.Coverage = CoverageCalculator.Compute(session, Config);
        await AtomicFile.WriteAsync(Paths.SessionFile(session.SessionId),
            (s, ct) => JsonSerializer.SerializeAsync(s, session, InterviewJsonContext.Default.InterviewSession, ct), cancellationToken).ConfigureAwait(false);
        var index = new InterviewIndex(session.ProfileId, session.SessionId, session.Status, session.UpdatedAt);
        await AtomicFile.WriteAsync(Paths.IndexFile,
            (s, ct) => JsonSerializer.SerializeAsync(s, index, InterviewJsonContext.Default.InterviewIndex, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteSummaryOnceAsync(InterviewDraft draft, CancellationToken cancellationToken)
    {
        var path = Paths.SummaryFile(draft.SessionId);
        if (File.Exists(path))
            return; // immutable: the first finalize wrote it
        await AtomicFile.WriteAsync(path, (s, ct) => JsonSerializer.SerializeAsync(s, draft, InterviewJsonContext.Default.InterviewDraft, ct), cancellationToken).ConfigureAwait(false);
    }

    private Task WriteTrainingCopyAsync(InterviewSession session, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Paths.TrainingFile(session.SessionId),
            (s, ct) => JsonSerializer.SerializeAsync(s, session, InterviewJsonContext.Default.InterviewSession, ct), cancellationToken);

    private string NewSessionId()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"iv-{now:yyyyMMdd-HHmmss}-{_ids.Next(0, 1 << 24):x6}");
            if (!File.Exists(Paths.SessionFile(id)))
                return id;
        }
    }

    private static bool InterviewPathsAccepts(string? id)
    {
        try
        {
            InterviewPaths.RequireSessionId(id);
            return true;
        }
        catch (InterviewException)
        {
            return false;
        }
    }
}
