namespace Persona.Core.Training;

/// <summary>An input file and the SHA-256 of its bytes.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Name">Its path relative to the pipeline folder or the profile folder (never absolute).</param>
/// <param name="Sha256">Lower-case hex digest.</param>
public sealed record InputFile(InputKind Kind, string Name, string Sha256);
