using System.Text;
using System.Text.Json;

namespace Persona.Core.Interview;

/// <summary>
/// Appends audit lines to <c>logs/persona-generation.jsonl</c> (one JSON object per line, flushed to
/// disk before the call returns) and computes <see cref="InterviewMetrics"/> from them.
/// </summary>
public sealed class InterviewAuditLog
{
    private readonly string _path;

    public InterviewAuditLog(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
    }

    public string FilePath => _path;

    public async Task AppendAsync(InterviewAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var line = JsonSerializer.Serialize(entry, InterviewAuditJsonContext.Default.InterviewAuditEntry) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every readable line, oldest first; unreadable lines are counted in <paramref name="malformed"/>.</summary>
    public async Task<IReadOnlyList<InterviewAuditEntry>> ReadAsync(List<int>? malformed = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<InterviewAuditEntry>();
        if (!File.Exists(_path))
            return entries;
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(_path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                if (JsonSerializer.Deserialize(line, InterviewAuditJsonContext.Default.InterviewAuditEntry) is { } entry)
                    entries.Add(entry);
                else
                    malformed?.Add(lineNumber);
            }
            catch (JsonException)
            {
                // A line torn by a crash elsewhere must not hide the rest of the log.
                malformed?.Add(lineNumber);
            }
        }

        return entries;
    }

    public async Task<InterviewMetrics> ReadMetricsAsync(CancellationToken cancellationToken = default)
    {
        var malformed = new List<int>();
        var entries = await ReadAsync(malformed, cancellationToken).ConfigureAwait(false);
        int Count(InterviewEvent e) => entries.Count(x => x.Event == e);
        return new InterviewMetrics(
            Count(InterviewEvent.SessionStarted),
            Count(InterviewEvent.Finalized),
            Count(InterviewEvent.Aborted),
            Count(InterviewEvent.QuestionAsked),
            Count(InterviewEvent.Applied),
            Count(InterviewEvent.Merged),
            Count(InterviewEvent.Discarded),
            malformed.Count);
    }
}
