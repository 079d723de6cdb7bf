using System.Globalization;
using Persona.Core.Storage;
using Persona.Parquet;

namespace Persona.Core.Categorization;

/// <summary>
/// <c>extracted/categorized_messages.parquet</c>: one row per message (message_id, topic_category,
/// topic_confidence, tone, tone_confidence, reasoning_markers[], reasoning_marker_confidences[],
/// question_types[], question_type_confidences[], length_category, length_confidence, word_count).
/// List confidences are parallel to their values, written as invariant decimal strings.
/// </summary>
public static class CategorizedMessagesDataset
{
    public static ParquetMap<MessageCategories> Map { get; } = new ParquetMapBuilder<MessageCategories>()
        .Column("message_id", c => c.MessageId)
        .Column("topic_category", c => c.Topic.Value.Value)
        .Column("topic_confidence", c => c.Topic.Confidence)
        .Column("tone", c => c.Tone.Value.Value)
        .Column("tone_confidence", c => c.Tone.Confidence)
        .Column("reasoning_markers", c => (IReadOnlyList<string?>)[.. c.ReasoningMarkers.Select(m => m.Value.Value)])
        .Column("reasoning_marker_confidences", c => (IReadOnlyList<string?>)[.. c.ReasoningMarkers.Select(m => Format(m.Confidence))])
        .Column("question_types", c => (IReadOnlyList<string?>)[.. c.QuestionTypes.Select(q => q.Value.Value)])
        .Column("question_type_confidences", c => (IReadOnlyList<string?>)[.. c.QuestionTypes.Select(q => Format(q.Confidence))])
        .Column("length_category", c => c.Length.Value.ToString().ToLowerInvariant())
        .Column("length_confidence", c => c.Length.Confidence)
        .Column("word_count", c => c.WordCount)
        .Build(row => new MessageCategories(
            row.GetString(0),
            new(new TopicCategory(row.GetString(1)), row.GetDouble(2)),
            new(new Tone(row.GetString(3)), row.GetDouble(4)),
            [.. Zip(row.GetStringList(5), row.GetStringList(6)).Select(p => new Scored<ReasoningMarker>(new ReasoningMarker(p.Value), p.Confidence))],
            [.. Zip(row.GetStringList(7), row.GetStringList(8)).Select(p => new Scored<QuestionType>(new QuestionType(p.Value), p.Confidence))],
            new(Enum.TryParse<LengthCategory>(row.GetString(9), ignoreCase: true, out var length) ? length : throw new InvalidDataException($"categorized_messages row {row.RowIndex}: unknown length_category '{row.GetString(9)}'"), row.GetDouble(10)),
            row.GetInt32(11)));

    public static async Task<IReadOnlyList<MessageCategories>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rows = new List<MessageCategories>();
        try
        {
            await foreach (var row in ParquetFile.ReadAsync(path, Map, cancellationToken).ConfigureAwait(false))
                rows.Add(row);
        }
        catch (ParquetFormatException ex)
        {
            throw new InvalidDataException($"{path}: not a readable categorized_messages dataset: {ex.Message}", ex);
        }

        return rows;
    }

    public static Task WriteAsync(string path, IEnumerable<MessageCategories> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(path, (stream, ct) => ParquetFile.WriteAsync(stream, rows, Map, cancellationToken: ct), cancellationToken);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static IEnumerable<(string Value, double Confidence)> Zip(IReadOnlyList<string?>? values, IReadOnlyList<string?>? confidences)
    {
        values ??= [];
        for (var i = 0; i < values.Count; i++)
        {
            var text = confidences is not null && i < confidences.Count ? confidences[i] : null;
            var confidence = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : 0;
            if (!string.IsNullOrEmpty(values[i]))
                yield return (values[i]!, confidence);
        }
    }
}
