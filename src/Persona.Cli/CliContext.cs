namespace Persona.Cli;

/// <summary>The streams and environment a command runs against; tests pass their own writers.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error);
