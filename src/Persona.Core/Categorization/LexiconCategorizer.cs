using Persona.Core.Import;

namespace Persona.Core.Categorization;

/// <summary>
/// The offline categorizer: lexicon phrases and text signals from <see cref="CategorizationLexicon"/>,
/// no model, deterministic. Topic and tone are the highest-scoring entries; confidence grows with
/// the winner's share of the evidence and with the amount of evidence.
/// </summary>
public sealed class LexiconCategorizer : IMessageCategorizer
{
    private static readonly char[] SentenceEnds = ['.', '?', '!', '\n'];
    private readonly CategorizationLexicon _lexicon;

    public LexiconCategorizer(CategorizationLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    public string Strategy => "lexicon";

    public Task<IReadOnlyList<MessageCategories>> CategorizeAsync(IReadOnlyList<PersonMessage> messages, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var results = new MessageCategories[messages.Count];
        var done = 0;
        Parallel.For(0, messages.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            results[i] = Categorize(messages[i].MessageId, messages[i].Text);
            var n = Interlocked.Increment(ref done);
            if (n % 1000 == 0)
                progress?.Report(n);
        });
        progress?.Report(messages.Count);
        return Task.FromResult<IReadOnlyList<MessageCategories>>(results);
    }

    /// <summary>Characterises one text. Pure: the same text and lexicon always give the same result.</summary>
    public MessageCategories Categorize(string messageId, string text)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = WordTokenizer.Tokenize(text);
        var sentences = text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var topicScores = _lexicon.Topics.Select(t => t.Weight * t.Phrases.Count(tokens)).ToArray();
        var topic = Best(topicScores, i => _lexicon.Topics[i].Topic, _lexicon.DefaultTopic);

        Span<double> signals = stackalloc double[Enum.GetValues<TextSignal>().Length];
        TextSignals.Measure(text, tokens, Math.Max(1, sentences.Length), signals);
        var toneScores = new double[_lexicon.Tones.Count];
        for (var i = 0; i < toneScores.Length; i++)
        {
            var (_, phrases, weights) = _lexicon.Tones[i];
            var score = (double)phrases.Count(tokens);
            foreach (var (signal, weight) in weights)
                score += weight * signals[(int)signal];
            toneScores[i] = score;
        }

        var tone = Best(toneScores, i => _lexicon.Tones[i].Tone, _lexicon.DefaultTone);

        var markers = new List<Scored<ReasoningMarker>>();
        foreach (var (marker, phrases) in _lexicon.Markers)
        {
            var hits = phrases.Count(tokens);
            if (hits > 0)
                markers.Add(new(marker, Math.Min(1.0, 0.6 + (0.2 * hits))));
        }

        return new MessageCategories(messageId, topic, tone, markers, QuestionTypes(text, sentences), Length(tokens.Count), tokens.Count);
    }

    private List<Scored<QuestionType>> QuestionTypes(string text, string[] sentences)
    {
        var found = new List<Scored<QuestionType>>();
        var offset = 0;
        foreach (var sentence in sentences)
        {
            var at = text.IndexOf(sentence, offset, StringComparison.Ordinal);
            offset = at < 0 ? offset : at + sentence.Length;
            var asked = at >= 0 && offset < text.Length && text[offset] == '?';
            var tokens = WordTokenizer.Tokenize(sentence);
            var start = 0;
            while (start < tokens.Count && _lexicon.QuestionFillers.MatchLength(tokens, start) > 0)
                start++;
            if (start >= tokens.Count)
                continue;

            var bestLength = 0;
            var best = -1;
            for (var i = 0; i < _lexicon.QuestionTypes.Count; i++)
            {
                var (_, phrases, needsMark) = _lexicon.QuestionTypes[i];
                var length = phrases.MatchLength(tokens, start);
                if (length > bestLength && (asked || !needsMark))
                {
                    bestLength = length;
                    best = i;
                }
            }

            if (best < 0)
                continue;
            var type = _lexicon.QuestionTypes[best].Type;
            var confidence = asked ? 0.9 : 0.6;
            var existing = found.FindIndex(q => q.Value == type);
            if (existing < 0)
                found.Add(new(type, confidence));
            else if (found[existing].Confidence < confidence)
                found[existing] = new(type, confidence);
        }

        return found;
    }

    private Scored<LengthCategory> Length(int words)
    {
        var (shortMax, longMin) = (_lexicon.ShortMaxWords, _lexicon.LongMinWords);
        if (words <= shortMax)
            return new(LengthCategory.Short, Confidence(shortMax + 1 - words, shortMax / 3.0));
        if (words >= longMin)
            return new(LengthCategory.Long, Confidence(words - longMin + 1, longMin / 3.0));
        var margin = Math.Min(words - shortMax, longMin - words);
        return new(LengthCategory.Medium, Confidence(margin, (longMin - shortMax) / 6.0));
    }

    private static double Confidence(double distance, double scale) => Math.Round(0.5 + (0.5 * (1 - Math.Exp(-distance / Math.Max(1, scale)))), 3);

    private static Scored<T> Best<T>(double[] scores, Func<int, T> value, T fallback)
    {
        var best = -1;
        var total = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            total += scores[i];
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best]))
                best = i;
        }

        if (best < 0)
            return new(fallback, 0.3);
        var share = scores[best] / total;
        return new(value(best), Math.Round(share * (1 - Math.Exp(-scores[best] / 1.5)), 3));
    }
}
