using Persona.Core.Configuration;

namespace Persona.Core.Categorization;

/// <summary>
/// The compiled lexicons and rules of the offline categorizer, loaded from
/// <c>config/categorization.yaml</c> (editable) or the built-in default. Validation happens once,
/// here, and reports every problem in one message naming the file and the key.
/// </summary>
public sealed class CategorizationLexicon
{
    private const string FileName = "categorization.yaml";
    private static readonly Lazy<CategorizationLexicon> LazyDefault = new(() => Parse(YamlDocumentReader.ReadEmbedded(FileName), "(built-in) config/" + FileName));

    private CategorizationLexicon(string source, string contentHash)
    {
        Source = source;
        ContentHash = contentHash;
    }

    /// <summary>Where the rules came from (a path, or "(built-in) …").</summary>
    public string Source { get; }

    /// <summary>SHA-256 of the YAML text; outputs record it so a changed lexicon triggers a re-run.</summary>
    public string ContentHash { get; }

    public static CategorizationLexicon Default => LazyDefault.Value;

    internal TopicCategory DefaultTopic { get; private set; }

    internal List<(TopicCategory Topic, double Weight, PhraseSet Phrases)> Topics { get; } = [];

    internal Tone DefaultTone { get; private set; }

    internal List<(Tone Tone, PhraseSet Phrases, Dictionary<TextSignal, double> Signals)> Tones { get; } = [];

    internal List<(ReasoningMarker Marker, PhraseSet Phrases)> Markers { get; } = [];

    internal PhraseSet QuestionFillers { get; private set; } = new([]);

    internal List<(QuestionType Type, PhraseSet Phrases, bool NeedsQuestionMark)> QuestionTypes { get; } = [];

    internal int ShortMaxWords { get; private set; }

    internal int LongMinWords { get; private set; }

    /// <summary>Loads <paramref name="path"/>, else config/categorization.yaml in the working directory, else the default.</summary>
    public static async Task<CategorizationLexicon> LoadAsync(string? path = null, CancellationToken cancellationToken = default)
    {
        var (yaml, source) = await YamlDocumentReader.ReadAsync(path, FileName, cancellationToken).ConfigureAwait(false);
        return Parse(yaml, source);
    }

    /// <summary>Parses and validates lexicon YAML; <paramref name="source"/> names it in errors.</summary>
    public static CategorizationLexicon Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var document = YamlDocumentReader.Parse<CategorizationDocument>(yaml, source);
        var errors = new List<string>();
        var lexicon = new CategorizationLexicon(source, YamlDocumentReader.Hash(yaml))
        {
            DefaultTopic = new TopicCategory(NonEmpty(document.DefaultTopic, "other")),
            DefaultTone = new Tone(NonEmpty(document.DefaultTone, "casual")),
            QuestionFillers = new PhraseSet(document.QuestionFillers ?? []),
            ShortMaxWords = document.Length?.ShortMaxWords ?? 15,
            LongMinWords = document.Length?.LongMinWords ?? 60,
        };

        if (document.Topics is not { Count: > 0 })
            errors.Add("topics: at least one topic is required");
        foreach (var (name, rule) in document.Topics ?? [])
        {
            if (rule.Phrases is not { Count: > 0 })
                errors.Add($"topics.{name}.phrases: at least one phrase is required");
            if (rule.Weight <= 0)
                errors.Add($"topics.{name}.weight: must be positive, was {rule.Weight}");
            lexicon.Topics.Add((new TopicCategory(name), rule.Weight, new PhraseSet(rule.Phrases ?? [])));
        }

        if (document.Tones is not { Count: > 0 })
            errors.Add("tones: at least one tone is required");
        foreach (var (name, rule) in document.Tones ?? [])
        {
            var signals = new Dictionary<TextSignal, double>();
            foreach (var (signal, weight) in rule.Signals ?? [])
            {
                if (TryParseSignal(signal, out var parsed))
                    signals[parsed] = weight;
                else
                    errors.Add($"tones.{name}.signals.{signal}: unknown signal (known: {string.Join(", ", Enum.GetValues<TextSignal>().Select(SignalName))})");
            }

            lexicon.Tones.Add((new Tone(name), new PhraseSet(rule.Phrases ?? []), signals));
        }

        foreach (var (name, phrases) in document.ReasoningMarkers ?? [])
            lexicon.Markers.Add((new ReasoningMarker(name), new PhraseSet(phrases ?? [])));
        foreach (var (name, rule) in document.QuestionTypes ?? [])
        {
            if (rule.Phrases is not { Count: > 0 })
                errors.Add($"question_types.{name}.phrases: at least one phrase is required");
            lexicon.QuestionTypes.Add((new QuestionType(name), new PhraseSet(rule.Phrases ?? []), rule.NeedsQuestionMark));
        }

        if (lexicon.ShortMaxWords < 1 || lexicon.LongMinWords <= lexicon.ShortMaxWords)
            errors.Add($"length: need 1 ≤ short_max_words < long_min_words, was {lexicon.ShortMaxWords} and {lexicon.LongMinWords}");
        if (errors.Count > 0)
            throw new InvalidDataException($"{source}: invalid categorization rules:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
        return lexicon;
    }

    internal static string SignalName(TextSignal signal) =>
        string.Concat(signal.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static bool TryParseSignal(string name, out TextSignal signal)
    {
        foreach (var candidate in Enum.GetValues<TextSignal>())
        {
            if (string.Equals(SignalName(candidate), name, StringComparison.Ordinal))
            {
                signal = candidate;
                return true;
            }
        }

        signal = default;
        return false;
    }

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
