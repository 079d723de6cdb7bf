namespace Persona.Core.Prompts;

/// <summary>
/// Picks the real exchanges quoted in a prompt: typical messages (length near the median, rich in the
/// persona's characteristic words), with context when available, at most one per conversation.
/// Deterministic: ties break by message id.
/// </summary>
internal static class ExampleSelector
{
    public const int MaxContextChars = 280;
    public const int MaxTextChars = 600;

    public static List<PromptExample> Select(PersonaAnalysis analysis, int count)
    {
        var terms = analysis.Profile.DistinctiveTerms.Select(term => term.Term).ToHashSet(StringComparer.Ordinal);
        var median = analysis.Profile.MedianWords;
        var features = analysis.Features.ToDictionary(feature => feature.MessageId, StringComparer.Ordinal);
        var ranked = analysis.Source.Messages
            .Where(message => features.ContainsKey(message.MessageId) && features[message.MessageId].WordCount >= 3 && !string.IsNullOrWhiteSpace(message.Text))
            .Select(message =>
            {
                var feature = features[message.MessageId];
                var typicality = -Math.Abs(Math.Log((feature.WordCount + 1.0) / (median + 1.0)));
                var vocabulary = feature.Words.Distinct(StringComparer.Ordinal).Count(terms.Contains);
                var context = string.IsNullOrWhiteSpace(message.Context) ? 0 : 0.5;
                return (Message: message, Score: typicality + (0.4 * vocabulary) + context);
            })
            .OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Message.MessageId, StringComparer.Ordinal);

        var examples = new List<PromptExample>();
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (message, _) in ranked)
        {
            if (examples.Count == count)
                break;
            if (!conversations.Add(message.ConversationId))
                continue;
            examples.Add(new PromptExample(message.MessageId, Clip(message.Context, MaxContextChars), Clip(message.Text, MaxTextChars)!));
        }

        return examples;
    }

    internal static string? Clip(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normalized.Length <= max ? normalized : normalized[..(max - 1)].TrimEnd() + "…";
    }
}
