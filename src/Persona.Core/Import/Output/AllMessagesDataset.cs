using Persona.Core.Storage;
using Persona.Parquet;

namespace Persona.Core.Import.Output;

/// <summary>
/// <c>extracted/all_messages.parquet</c>: one <see cref="PersonMessage"/> per row, columns in snake_case
/// (<c>message_id, conversation_id, conversation_title, source_format, position, created_at, context,
/// text, char_count, word_count, on_active_branch</c>).
/// </summary>
public static class AllMessagesDataset
{
    /// <summary>Row groups of at most 2 MB keep the writer's buffers small next to the rows being written.</summary>
    private static readonly ParquetWriteOptions WriteOptions = new() { RowGroupMaxBytes = 2L << 20, PageSize = 256 << 10, CompressInBackground = true };

    public static ParquetMap<PersonMessage> Map { get; } = new ParquetMapBuilder<PersonMessage>()
        .Column("message_id", m => m.MessageId)
        .Column("conversation_id", m => m.ConversationId)
        .Column("conversation_title", m => m.ConversationTitle, nullable: true)
        .Column("source_format", m => m.SourceFormat.ToString())
        .Column("position", m => m.Position)
        .Column("created_at", m => m.CreatedAt, ParquetTimeUnit.Millis)
        .Column("context", m => m.Context, nullable: true)
        .Column("text", m => m.Text)
        .Column("char_count", m => m.CharCount)
        .Column("word_count", m => m.WordCount)
        .Column("on_active_branch", m => m.OnActiveBranch)
        .Build(row => new PersonMessage(
            row.GetString(0),
            row.GetString(1),
            row.GetStringOrNull(2),
            Enum.TryParse<ExportFormat>(row.GetString(3), out var format)
                ? format
                : throw new InvalidDataException($"all_messages: unknown source_format '{row.GetString(3)}'"),
            row.GetInt32(4),
            row.GetTimestampOrNull(5),
            row.GetStringOrNull(6),
            row.GetString(7),
            row.GetInt32(8),
            row.GetInt32(9),
            row.GetBoolean(10)));

    public static async Task<IReadOnlyList<PersonMessage>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var rows = new List<PersonMessage>();
        await foreach (var row in StreamAsync(path, cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        return rows;
    }

    /// <summary>
    /// The rows one at a time. A missing file throws <see cref="FileNotFoundException"/> saying to run the
    /// import first; a damaged one throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public static async IAsyncEnumerable<PersonMessage> StreamAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: run `persona import <export>` (notebook 01-import) first, with the same output folder", path);
        var rows = ParquetFile.ReadAsync(path, Map, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (rows.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await rows.MoveNextAsync().ConfigureAwait(false))
                        break;
                }
                catch (ParquetFormatException ex)
                {
                    throw new InvalidDataException($"{path}: not a readable all_messages dataset: {ex.Message}", ex);
                }

                yield return rows.Current;
            }
        }
    }

    /// <summary>Writes rows produced one at a time (a streaming merge) atomically.</summary>
    public static Task WriteAsync(string path, IAsyncEnumerable<PersonMessage> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(path, (stream, ct) => ParquetFile.WriteAsync(stream, rows, Map, WriteOptions, ct), cancellationToken);
    }

    /// <summary>Writes the rows atomically: readers see the old file or the complete new one.</summary>
    public static Task WriteAsync(string path, IEnumerable<PersonMessage> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(path, (stream, ct) => ParquetFile.WriteAsync(stream, rows, Map, WriteOptions, ct), cancellationToken);
    }
}
