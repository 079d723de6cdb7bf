using System.Globalization;
using Persona.Core.Training.Synthetic;

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
    private static readonly IReadOnlyDictionary<string, string> NoSyntheticPrompts = new Dictionary<string, string>();
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
        return Build(inputs, [.. inputs.Personas.Select(Prepare)], null);
    }

    public PersonaDataset Build(PersonaDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Finish(Prepare(source), NoSyntheticPrompts);
    }

    /// <summary>The result for <paramref name="prepared"/> personas; <paramref name="synthetic"/> (when the responder ran) gives openers their model-written user turns.</summary>
    internal LoraDataResult Build(LoraDataInputs inputs, IReadOnlyList<PreparedPersona> prepared, SyntheticPromptSet? synthetic)
    {
        var personas = prepared.Select(p => Finish(p, synthetic?.For(p.Source.Slug) ?? NoSyntheticPrompts)).ToList();
        IReadOnlyList<LoraDataDiagnostic> diagnostics = synthetic is null ? inputs.Diagnostics : [.. inputs.Diagnostics, .. synthetic.Diagnostics];
        return new LoraDataResult(personas, _options, _tokenizer.Name, _tokenizer.IsEstimate, diagnostics) { SyntheticPrompts = synthetic?.Report };
    }

    /// <summary>Candidates and filters: everything that does not depend on the user turns.</summary>
    internal PreparedPersona Prepare(PersonaDataSource source)
    {
        var candidates = Candidates(source);
        var removed = new List<FilterRemoval>();
        var kept = ApplyFilters(candidates, removed);
        return new PreparedPersona(source, candidates, removed, kept);
    }

    /// <summary>
    /// The kept openers (messages with no preceding text) that get a synthetic user turn: all of them up to
    /// <see cref="LoraDataOptions.MaxSyntheticPerPersona"/>, else the ones ranked first by a hash of seed and id
    /// (a rank that other data cannot change), in source order.
    /// </summary>
    internal IReadOnlyList<Candidate> SyntheticPromptCandidates(PreparedPersona prepared)
    {
        var openers = prepared.Kept.Where(c => c.Kind == ContextKind.GenericOpener && c.Source == ExampleSource.Message).ToList();
        if (openers.Count <= _options.MaxSyntheticPerPersona)
            return openers;
        var chosen = openers
            .OrderBy(c => DatasetSplitter.Position(_options.Seed, "synthetic_prompt\n" + c.Id))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(_options.MaxSyntheticPerPersona)
            .ToHashSet();
        return [.. openers.Where(chosen.Contains)];
    }

    private PersonaDataset Finish(PreparedPersona prepared, IReadOnlyDictionary<string, string> synthetic)
    {
        var source = prepared.Source;
        var examples = prepared.Kept.Select(c => ToExample(source, c, synthetic)).ToList();

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
            source.Name, source.Slug, source.SystemPrompt, source.PromptSource, prepared.Candidates.Count,
            Summaries(prepared.Removed), prepared.Removed, train, valid, TokenStatistics.From(trainCounts), TokenStatistics.From(validCounts))
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

    private TrainingExample ToExample(PersonaDataSource source, Candidate c, IReadOnlyDictionary<string, string> synthetic)
    {
        var (kind, user) = c.Kind switch
        {
            ContextKind.GenericOpener when synthetic.TryGetValue(c.Id, out var prompt) => (ContextKind.SyntheticPrompt, prompt),
            ContextKind.GenericOpener => (c.Kind, _options.GenericOpener),
            _ => (c.Kind, ContextBounder.Bound(c.Context!, _options.MaxContextChars)),
        };
        TrainingTurn[] turns =
        [
            new(TrainingRole.System, source.SystemPrompt, false),
            new(TrainingRole.User, user, false),
            new(TrainingRole.Assistant, c.Text, true),
        ];
        return new TrainingExample(c.Id, c.Source, kind, turns) { Tokens = _tokenizer.Render(turns) };
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

    private List<FilterSummary> Summaries(IReadOnlyList<FilterRemoval> removed)
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
