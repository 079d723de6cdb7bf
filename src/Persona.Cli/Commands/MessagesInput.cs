using Persona.Core.Import;
using Persona.Core.Pipeline;
using Persona.Parquet;

namespace Persona.Cli.Commands;

/// <summary>
/// Reads <c>extracted/all_messages.parquet</c> for the stages after import, with a clear error when it
/// is missing. The columns are the importer's (message_id … on_active_branch); once the importer's
/// dataset type is on this branch this reader delegates to it.
/// </summary>
internal static class MessagesInput
{
    private static readonly ParquetMap<PersonMessage> Map = new ParquetMapBuilder<PersonMessage>()
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
            Enum.TryParse<ExportFormat>(row.GetString(3), out var format) ? format : throw new InvalidDataException($"all_messages row {row.RowIndex}: unknown source_format '{row.GetString(3)}'"),
            row.GetInt32(4),
            row.GetTimestampOrNull(5),
            row.GetStringOrNull(6),
            row.GetString(7),
            row.GetInt32(8),
            row.GetInt32(9),
            row.GetBoolean(10)));

    public static async Task<IReadOnlyList<PersonMessage>> ReadAsync(PipelinePaths paths, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.AllMessages))
            throw new CliException($"{paths.AllMessages} not found: run `persona import <export>` first (or pass --out to the pipeline folder)");
        var rows = new List<PersonMessage>();
        try
        {
            await foreach (var row in ParquetFile.ReadAsync(paths.AllMessages, Map, cancellationToken).ConfigureAwait(false))
                rows.Add(row);
        }
        catch (ParquetFormatException ex)
        {
            throw new CliException($"{paths.AllMessages}: not a readable all_messages dataset: {ex.Message}");
        }

        return rows;
    }

    /// <summary>Writes messages in the importer's layout (tests use it to prepare a pipeline folder).</summary>
    public static Task WriteAsync(string path, IEnumerable<PersonMessage> rows, CancellationToken cancellationToken) =>
        ParquetFile.WriteAsync(path, rows, Map, cancellationToken: cancellationToken);
}
