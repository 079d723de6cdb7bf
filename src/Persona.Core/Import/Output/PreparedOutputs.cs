namespace Persona.Core.Import.Output;

/// <summary>Outputs of an import made while its rows are written: the self-description file and the planned report.</summary>
/// <param name="SelfDescriptions">Entries in the merged self-description file.</param>
/// <param name="SelfDescriptionLines">The merged self-description file's content.</param>
/// <param name="Report">The report as planned, with its JSON when the totals were known in advance.</param>
internal sealed record PreparedOutputs(int SelfDescriptions, string SelfDescriptionLines, PlannedReport Report);
