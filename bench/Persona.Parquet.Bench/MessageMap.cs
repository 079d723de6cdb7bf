using Persona.Core.Import;

namespace Persona.Parquet.Bench;

/// <summary>The all_messages columns as the benchmark writes them.</summary>
internal static class MessageMap
{
    public static readonly ParquetMap<PersonMessage> Map = new ParquetMapBuilder<PersonMessage>()
        .Column("message_id", m => m.MessageId)
        .Column("conversation_id", m => m.ConversationId)
        .Column("conversation_title", m => m.ConversationTitle, nullable: true)
        .Column("source_format", m => m.SourceFormat.ToString())
        .Column("position", m => m.Position)
        .Column("create_time", m => m.CreatedAt, ParquetTimeUnit.Micros)
        .Column("context", m => m.Context, nullable: true)
        .Column("text", m => m.Text)
        .Column("char_count", m => m.CharCount)
        .Column("word_count", m => m.WordCount)
        .Column("on_active_branch", m => m.OnActiveBranch)
        .Build(row => new PersonMessage(
            row.GetString(0),
            row.GetString(1),
            row.GetStringOrNull(2),
            Enum.Parse<ExportFormat>(row.GetString(3)),
            row.GetInt32(4),
            row.GetTimestampOrNull(5),
            row.GetStringOrNull(6),
            row.GetString(7),
            row.GetInt32(8),
            row.GetInt32(9),
            row.GetBoolean(10)));
}
