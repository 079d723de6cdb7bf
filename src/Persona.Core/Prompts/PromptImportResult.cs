namespace Persona.Core.Prompts;

/// <summary>Every prompt's import outcome; failures are listed, never swallowed.</summary>
public sealed record PromptImportResult(IReadOnlyList<PromptImportItem> Items)
{
    public int Count(PromptImportOutcome outcome) => Items.Count(item => item.Outcome == outcome);

    public IEnumerable<PromptImportItem> Failures => Items.Where(item => item.Outcome == PromptImportOutcome.Failed);
}
