namespace Persona.Core.Llm.Structured;

/// <summary>The value a structured step produced and which path produced it.</summary>
/// <param name="Value">The model's (possibly repaired) answer, or the offline strategy's result.</param>
/// <param name="Provenance">Model, repaired or offline, with the model id and why.</param>
public sealed record StructuredResult<T>(T Value, LlmProvenance Provenance);
