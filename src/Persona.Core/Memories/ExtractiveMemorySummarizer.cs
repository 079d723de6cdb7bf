using System.Text.RegularExpressions;

namespace Persona.Core.Memories;

/// <summary>
/// Offline memory: keeps the person's most informative sentences. A sentence scores by the summed
/// weight of its content words (how often each recurs in the person's messages of the conversation,
/// log-damped, normalised by sentence length) plus a bonus for self-disclosure ("I", "my", "I'm" …),
/// in statements (not questions), which is what a memory about the person is for. Deterministic: ties keep conversation order.
/// </summary>
public sealed partial class ExtractiveMemorySummarizer : IMemorySummarizer
{
    private readonly ExtractiveMemorySummarizerOptions _options;

    public ExtractiveMemorySummarizer(ExtractiveMemorySummarizerOptions? options = null)
    {
        _options = options ?? new ExtractiveMemorySummarizerOptions();
        _options.Validate();
    }

    public string Name => "extractive-v1";

    public Task<MemorySummary> SummarizeAsync(ConversationTranscript conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        cancellationToken.ThrowIfCancellationRequested();
        var sentences = conversation.Messages
            .SelectMany(m => SentenceBreak().Split(m.Text.ReplaceLineEndings(" ")))
            .Select(s => Whitespace().Replace(s, " ").Trim())
            .Where(s => s.Length > 0)
            .ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in sentences.SelectMany(TopicTerms.Of))
            frequency[term] = frequency.GetValueOrDefault(term) + 1;

        var scored = sentences.Select((s, index) =>
        {
            var terms = TopicTerms.Of(s).ToList();
            var content = terms.Sum(t => Math.Log(1 + frequency[t]));
            // Statements about oneself reveal the person; a question ("How do I …?") mostly reveals the topic.
            var disclosure = SelfDisclosure().IsMatch(s) && !s.EndsWith('?') ? 1.5 : 0;
            var score = terms.Count == 0 ? disclosure : content / Math.Sqrt(terms.Count) + disclosure;
            return (Sentence: s, Index: index, Score: score);
        }).ToList();
        var key = scored
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(_options.MaxSentences)
            .OrderBy(x => x.Index)
            .Select(x => Cut(x.Sentence))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var topics = frequency
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(_options.MaxTopics)
            .Select(p => p.Key)
            .ToList();
        var summary = key.Count == 0 ? "" : string.Join(" ", key);
        return Task.FromResult(new MemorySummary(summary, key, topics));
    }

    private string Cut(string sentence) =>
        sentence.Length <= _options.MaxSentenceLength ? sentence : sentence[..(_options.MaxSentenceLength - 1)].TrimEnd() + "…";

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(I|I'm|I've|I'd|I'll|my|me|mine|myself)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelfDisclosure();
}
