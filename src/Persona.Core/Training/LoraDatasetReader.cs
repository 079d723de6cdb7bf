using System.Text.Json;

namespace Persona.Core.Training;

/// <summary>Reads a written dataset file back (any of the three layouts). Never throws on content: bad rows become diagnostics with their line.</summary>
public static class LoraDatasetReader
{
    public static LoraDatasetReadResult Parse(string jsonl, LoraDataFormat format, string fileName)
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        ArgumentNullException.ThrowIfNull(fileName);
        var rowFormat = LoraRowFormats.For(format);
        var examples = new List<TrainingExample>();
        var diagnostics = new List<LoraDataDiagnostic>();
        var lines = jsonl.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (rowFormat.Read(document.RootElement, out var problem) is { } example)
                    examples.Add(example);
                else
                    diagnostics.Add(new LoraDataDiagnostic(fileName, i + 1, problem ?? "unreadable row"));
            }
            catch (JsonException ex)
            {
                diagnostics.Add(new LoraDataDiagnostic(fileName, i + 1, "not JSON: " + ex.Message));
            }
        }

        return new LoraDatasetReadResult(examples, diagnostics);
    }

    public static async Task<LoraDatasetReadResult> ReadAsync(string path, LoraDataFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, format, path);
    }
}
