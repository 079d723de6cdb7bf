namespace Persona.Core.Training.Synthetic;

/// <summary>The synthetic-prompt pass's output: the model-written user turns per persona and message, the report, and cache problems.</summary>
internal sealed class SyntheticPromptSet(
    SyntheticPromptReport report,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> prompts,
    IReadOnlyList<LoraDataDiagnostic> diagnostics)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public SyntheticPromptReport Report { get; } = report;

    public IReadOnlyList<LoraDataDiagnostic> Diagnostics { get; } = diagnostics;

    public static SyntheticPromptSet NotRun(string note) => new(SyntheticPromptReport.NotRun(note), new Dictionary<string, IReadOnlyDictionary<string, string>>(), []);

    /// <summary>Message id → user turn for the persona with <paramref name="slug"/>.</summary>
    public IReadOnlyDictionary<string, string> For(string slug) => prompts.GetValueOrDefault(slug) ?? None;
}
