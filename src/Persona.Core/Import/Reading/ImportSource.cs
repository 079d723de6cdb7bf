namespace Persona.Core.Import.Reading;

/// <summary>One readable input: a file, or a member of a zip archive.</summary>
/// <param name="Name">What reports call it: the path, or <c>archive.zip!member</c>.</param>
/// <param name="Length">Uncompressed size in bytes, when known.</param>
/// <param name="Open">Opens a fresh read stream.</param>
internal sealed record ImportSource(string Name, long? Length, Func<Stream> Open);
