namespace Persona.Core.Training;

/// <summary>What <see cref="LoraDataInputReader"/> found: the personas, the files read and every skipped item.</summary>
public sealed record LoraDataInputs(
    IReadOnlyList<PersonaDataSource> Personas,
    IReadOnlyList<InputFile> Files,
    IReadOnlyList<LoraDataDiagnostic> Diagnostics);
