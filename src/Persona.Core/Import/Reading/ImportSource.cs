namespace Persona.Core.Import.Reading;

/// <summary>One readable input: a file, or a member of a zip archive.</summary>
/// <param name="Name">What reports call it: the path, or <c>archive.zip!member</c>.</param>
/// <param name="Length">Uncompressed size in bytes, when known.</param>
/// <param name="Open">Opens a fresh read stream.</param>
/// <param name="Probe">True for a folder or zip member that may not be an export at all (any other <c>*.json</c>):
/// when its format is not recognised it is ignored, not an error.</param>
internal sealed record ImportSource(string Name, long? Length, Func<Stream> Open, bool Probe = false);
