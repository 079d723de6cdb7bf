namespace Persona.Notebooks.Pipeline;

/// <summary>A pipeline notebook: its stage number, file, and whether it asks for typed input.</summary>
public sealed record PipelineStage(int Number, string Path, bool Interactive);
