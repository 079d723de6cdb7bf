using System.Text.Json;
using Persona.Core.Storage;

namespace Persona.Core.Import.Output;

/// <summary><c>extracted/import_report.json</c>.</summary>
public static class ImportReportFile
{
    public static Task WriteAsync(string path, ImportReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return AtomicFile.WriteAllTextAsync(path, ToJson(report), cancellationToken);
    }

    /// <summary>The file's content.</summary>
    internal static string ToJson(ImportReport report) => JsonSerializer.Serialize(report, ImportWriteJsonContext.Default.ImportReport) + "\n";

    public static async Task<ImportReport> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, ImportJsonContext.Default.ImportReport, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{path}: empty import report");
    }
}
