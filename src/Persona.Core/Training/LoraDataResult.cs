using Persona.Core.Training.Synthetic;

namespace Persona.Core.Training;

/// <summary>Every persona's dataset from one run, with the options and tokenizer used and the input problems skipped.</summary>
public sealed partial record LoraDataResult(
    IReadOnlyList<PersonaDataset> Personas,
    LoraDataOptions Options,
    string TokenizerName,
    bool TokensEstimated,
    IReadOnlyList<LoraDataDiagnostic> Diagnostics)
{
    /// <summary>What the synthetic-prompt pass did (or why it did nothing); null when it was not asked for.</summary>
    public SyntheticPromptReport? SyntheticPrompts { get; init; }
}
