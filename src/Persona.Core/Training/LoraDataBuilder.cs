using System.Globalization;

namespace Persona.Core.Training;

/// <summary>
/// Builds each persona's training examples: the person's message is the assistant turn, the bounded
/// assistant text it answered (or a labelled generic opener) the user turn, the persona's prompt the
/// system turn; interview answers follow their questions. Then the quality filters, the seeded split
/// and token statistics. Pure and deterministic: same inputs and options, same result.
/// </summary>
public sealed partial class LoraDataBuilder
{
    private const int ExampleIdsPerFilter = 10;
    private readonly LoraDataOptions _options;
    private readonly IDatasetTokenizer _tokenizer;

    /// <exception cref="ArgumentException">The options are invalid (one message lists every problem).</exception>
    public LoraDataBuilder(LoraDataOptions? options = null, IDatasetTokenizer? tokenizer = null)
    {
        _options = options ?? new LoraDataOptions();
        if (_options.Problems() is { } problems)
            throw new ArgumentException(problems, nameof(options));
        _tokenizer = tokenizer ?? EstimatedDatasetTokenizer.Instance;
    }

    public LoraDataOptions Options => _options;

    public IDatasetTokenizer Tokenizer => _tokenizer;

    /// <summary>Every persona's dataset, in the order of <paramref name="inputs"/>.</summary>
    public LoraDataResult Build(LoraDataInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new LoraDataResult([.. inputs.Personas.Select(Build)], _options, _tokenizer.Name, _tokenizer.IsEstimate, inputs.Diagnostics);
    }

    public PersonaDataset Build(PersonaDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var candidates = Candidates(source);
        var removed = new List<FilterRemoval>();
        var kept = ApplyFilters(candidates, removed);
        var examples = kept.Select(c => ToExample(source, c)).ToList();

        var train = new List<TrainingExample>();
        var valid = new List<TrainingExample>();
        var trainCounts = new List<(int, int)>();
        var validCounts = new List<(int, int)>();
        foreach (var example in examples)
        {
            var counts = Count(example);
            if (DatasetSplitter.Assign(_options.Seed, example.Id, _options.ValidFraction) == SplitName.Valid)
            {
                valid.Add(example);
                validCounts.Add(counts);
            }
            else
            {
                train.Add(example);
                trainCounts.Add(counts);
            }
        }

        return new PersonaDataset(
            source.Name, source.Slug, source.SystemPrompt, source.PromptSource, candidates.Count,
            Summaries(removed), removed, train, valid, TokenStatistics.From(trainCounts), TokenStatistics.From(validCounts))
        {
            Inputs = source.Inputs,
            ExampleTokenCounts = [.. trainCounts.Select(c => c.Item1), .. validCounts.Select(c => c.Item1)],
        };
    }

    private static List<Candidate> Candidates(PersonaDataSource source)
    {
        var list = new List<Candidate>(source.Messages.Count + source.Interview.Count);
        foreach (var m in source.Messages)
        {
            var hasContext = !string.IsNullOrWhiteSpace(m.Context);
            list.Add(new Candidate(m.MessageId, ExampleSource.Message, m.Text.Trim(), hasContext ? m.Context : null,
                hasContext ? ContextKind.AssistantReply : ContextKind.GenericOpener, m.CreatedAt));
        }

        foreach (var x in source.Interview)
            list.Add(new Candidate($"interview:{x.SessionId}:{x.AnswerId}", ExampleSource.Interview, x.Answer.Trim(), x.Question, ContextKind.InterviewQuestion, null));

        // Source order: dated messages oldest first, then undated ones; ties by id. Duplicates keep the first.
        list.Sort((a, b) =>
        {
            var byDate = (a.CreatedAt, b.CreatedAt) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                var (x, y) => x.Value.CompareTo(y.Value),
            };
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
        });
        return list;
    }

    private TrainingExample ToExample(PersonaDataSource source, Candidate c)
    {
        var user = c.Kind switch
        {
            ContextKind.GenericOpener => _options.GenericOpener,
            _ => ContextBounder.Bound(c.Context!, _options.MaxContextChars),
        };
        TrainingTurn[] turns =
        [
            new(TrainingRole.System, source.SystemPrompt, false),
            new(TrainingRole.User, user, false),
            new(TrainingRole.Assistant, c.Text, true),
        ];
        return new TrainingExample(c.Id, c.Source, c.Kind, turns) { Tokens = _tokenizer.Render(turns) };
    }

    private (int Total, int Trained) Count(TrainingExample example)
    {
        if (example.Tokens is { } tokens)
            return (tokens.Ids.Count, tokens.AssistantMask.Count(m => m));
        var total = 0;
        var trained = 0;
        foreach (var turn in example.Turns)
        {
            var n = _tokenizer.CountTokens(turn.Content) + EstimatedDatasetTokenizer.TurnOverhead;
            total += n;
            if (turn.Train)
                trained += n - EstimatedDatasetTokenizer.TurnOverhead + 1;
        }

        return (total, trained);
    }

    private List<FilterSummary> Summaries(List<FilterRemoval> removed)
    {
        var o = _options;
        return [.. Enum.GetValues<FilterKind>().Select(kind =>
        {
            var mine = removed.Where(r => r.Filter == kind).ToList();
            return new FilterSummary(kind, mine.Count, Rule(kind, o),
                [.. mine.Take(ExampleIdsPerFilter).Select(r => r.Detail.Length == 0 ? r.Id : $"{r.Id}: {r.Detail}")]);
        })];
    }

    private static string Rule(FilterKind kind, LoraDataOptions o) => kind switch
    {
        FilterKind.TooShort => Invariant($"fewer than {o.MinChars} characters"),
        FilterKind.TooLong => Invariant($"more than {o.MaxChars} characters"),
        FilterKind.TooFewTokens => Invariant($"fewer than {o.MinTokens} tokens"),
        FilterKind.TooManyTokens => Invariant($"more than {o.MaxTokens} tokens"),
        FilterKind.CodeDump => Invariant($"at least {DumpClassifier.MinLines} lines, {o.CodeDumpThreshold:0.##} or more of them pasted, mostly code"),
        FilterKind.LogDump => Invariant($"at least {DumpClassifier.MinLines} lines, {o.CodeDumpThreshold:0.##} or more of them pasted, mostly log lines"),
        FilterKind.StackTrace => Invariant($"at least {DumpClassifier.MinLines} lines, {o.CodeDumpThreshold:0.##} or more of them pasted, mostly stack frames"),
        FilterKind.ExactDuplicate => "same text as an earlier kept item (case and whitespace ignored)",
        FilterKind.NearDuplicate => Invariant($"character 5-gram Jaccard similarity of {o.NearDuplicateThreshold:0.##} or more with an earlier kept item"),
        FilterKind.Templated => Invariant($"{o.TemplateMinRepeats} or more items open with the same {TemplateDetector.KeyLength}-character skeleton (numbers, URLs, e-mails masked)"),
        _ => kind.ToString(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Chars(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
            n++;
        return n;
    }
}
