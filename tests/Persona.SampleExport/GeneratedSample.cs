namespace Persona.SampleExport;

/// <summary>The generated export and its mode labels.</summary>
public sealed record GeneratedSample(string ExportJson, string LabelsJson, int Conversations, int PersonMessages, int ActivePersonMessages);
