namespace Persona.Core.Library.Exports;

/// <summary>Settings of the exports that need more than the persona.</summary>
/// <param name="BaseModel">Model name or path for a Modelfile's <c>FROM</c>.</param>
/// <param name="AdapterPath">Optional LoRA adapter path for a Modelfile's <c>ADAPTER</c>.</param>
public sealed record PersonaExportOptions(string BaseModel = "llama3.2", string? AdapterPath = null);
