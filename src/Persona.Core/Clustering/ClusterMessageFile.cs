using System.Text.Json;

namespace Persona.Core.Clustering;

/// <summary>
/// Reads one <c>clusters/persona_&lt;slug&gt;.jsonl</c> as <see cref="ClusterOutputWriter"/> writes it: one
/// <see cref="ClusteredMessage"/> per line in snake_case. Bad content never throws: a line that is not JSON,
/// not such a record, lacks <c>message_id</c> or <c>text</c>, or repeats a message id becomes a
/// <see cref="ClusterLineProblem"/> with its line number, and the rest is read.
/// </summary>
public static class ClusterMessageFile
{
    public static async Task<ClusterMessageFileResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    public static ClusterMessageFileResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var messages = new List<ClusteredMessage>();
        var problems = new List<ClusterLineProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
                continue;
            ClusteredMessage? message;
            try
            {
                message = JsonSerializer.Deserialize(line, ClusteringJsonLineContext.Default.ClusteredMessage);
            }
            catch (JsonException ex)
            {
                problems.Add(new ClusterLineProblem(i + 1, $"not a cluster message line ({ex.Path}): {ex.Message}"));
                continue;
            }

            if (message is null || string.IsNullOrEmpty(message.MessageId) || string.IsNullOrWhiteSpace(message.Text))
            {
                problems.Add(new ClusterLineProblem(i + 1, "missing message_id or text; line skipped"));
                continue;
            }

            if (!seen.Add(message.MessageId))
            {
                problems.Add(new ClusterLineProblem(i + 1, $"message id '{message.MessageId}' repeated; line skipped"));
                continue;
            }

            messages.Add(message with
            {
                ConversationId = message.ConversationId ?? "",
                ReasoningMarkers = message.ReasoningMarkers ?? [],
                QuestionTypes = message.QuestionTypes ?? [],
            });
        }

        return new ClusterMessageFileResult(messages, problems);
    }
}
