using Persona.Core.Import;
using Persona.Parquet;

namespace Persona.Core.Memories;

/// <summary>
/// Reads the columns memories need from <c>extracted/all_messages.parquet</c>: <c>message_id</c>,
/// <c>conversation_id</c>, <c>conversation_title</c>, <c>position</c>, <c>created_at</c> and <c>text</c>
/// (the snake_case names of <see cref="PersonMessage"/>). Other columns are ignored; a missing one is
/// a <see cref="ParquetFormatException"/> naming it.
/// </summary>
public static class AllMessagesFile
{
    private static readonly ParquetMap<PersonMessage> Map = new ParquetMapBuilder<PersonMessage>()
        .Column("message_id", m => m.MessageId)
        .Column("conversation_id", m => m.ConversationId)
        .Column("conversation_title", m => m.ConversationTitle, nullable: true)
        .Column("position", m => (long)m.Position)
        .Column("created_at", m => m.CreatedAt)
        .Column("text", m => m.Text)
        .Build(row =>
        {
            var text = row.GetString(5);
            return new PersonMessage(row.GetString(0), row.GetString(1), row.GetStringOrNull(2), ExportFormat.ChatGpt, (int)row.GetInt64(3),
                row.GetTimestampOrNull(4), null, text, text.Length, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, true);
        });

    /// <summary>Every row; <see cref="PersonMessage.SourceFormat"/> and <see cref="PersonMessage.Context"/> are not read.</summary>
    public static async Task<IReadOnlyList<PersonMessage>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: not found; run the import first.", path);
        var rows = new List<PersonMessage>();
        await foreach (var row in ParquetFile.ReadAsync(path, Map, cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        return rows;
    }

    /// <summary>Writes the same columns (for tests and samples; the importer writes the full file).</summary>
    public static Task WriteAsync(string path, IEnumerable<PersonMessage> messages, CancellationToken cancellationToken = default) =>
        ParquetFile.WriteAsync(path, messages, Map, cancellationToken: cancellationToken);
}
