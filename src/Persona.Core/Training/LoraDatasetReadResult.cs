namespace Persona.Core.Training;

/// <summary>The examples read from a dataset file and a diagnostic for every row that could not be read.</summary>
public sealed record LoraDatasetReadResult(IReadOnlyList<TrainingExample> Examples, IReadOnlyList<LoraDataDiagnostic> Diagnostics);
