namespace Persona.Core.Import.Output;

/// <summary>A report made before the rows were written, and its JSON (null when the totals were not known yet).</summary>
/// <param name="Report">The report with the planned totals.</param>
/// <param name="Json">Its serialized form, used when the written totals match the plan.</param>
internal sealed record PlannedReport(ImportReport Report, string? Json);
