namespace Persona.Core.Training;

/// <summary>One persona's dataset: the examples on each side of the split, what each filter removed, and token statistics.</summary>
/// <param name="Name">Persona name.</param>
/// <param name="Slug">File-name part.</param>
/// <param name="SystemPrompt">The system prompt of every example.</param>
/// <param name="PromptSource">Where the prompt came from.</param>
/// <param name="InputCount">Messages and interview answers before filtering.</param>
/// <param name="Filters">Every filter in the order they ran, with its count (zero included).</param>
/// <param name="Removed">Every removed item and why.</param>
/// <param name="Train">Training examples, in source order.</param>
/// <param name="Valid">Validation examples, in source order.</param>
/// <param name="TrainTokens">Token statistics of <paramref name="Train"/>.</param>
/// <param name="ValidTokens">Token statistics of <paramref name="Valid"/>.</param>
public sealed record PersonaDataset(
    string Name,
    string Slug,
    string SystemPrompt,
    SystemPromptSource PromptSource,
    int InputCount,
    IReadOnlyList<FilterSummary> Filters,
    IReadOnlyList<FilterRemoval> Removed,
    IReadOnlyList<TrainingExample> Train,
    IReadOnlyList<TrainingExample> Valid,
    TokenStatistics TrainTokens,
    TokenStatistics ValidTokens)
{
    /// <summary>Token count of every kept example (train then valid), for histograms.</summary>
    public IReadOnlyList<int> ExampleTokenCounts { get; init; } = [];

    /// <summary>The files the data and prompt came from.</summary>
    public IReadOnlyList<InputFile> Inputs { get; init; } = [];

    public int Kept => Train.Count + Valid.Count;

    public int SyntheticCount => Train.Count(e => e.Synthetic) + Valid.Count(e => e.Synthetic);

    public int InterviewCount => Train.Count(e => e.Source == ExampleSource.Interview) + Valid.Count(e => e.Source == ExampleSource.Interview);

    /// <summary>Train file name: <c>persona_&lt;slug&gt;_train.jsonl</c>.</summary>
    public string TrainFileName => $"persona_{Slug}_train.jsonl";

    public string ValidFileName => $"persona_{Slug}_valid.jsonl";

    public string CardFileName => $"persona_{Slug}.card.json";

    public string CardMarkdownFileName => $"persona_{Slug}.card.md";
}
