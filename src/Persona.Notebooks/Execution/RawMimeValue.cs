namespace Persona.Notebooks.Execution;

/// <summary>Text to show verbatim under one MIME type (<c>DisplayAs</c>).</summary>
internal sealed record RawMimeValue(string Text, string MimeType);
