using System.Globalization;
using System.Text.Json;

namespace Persona.Core.Training;

public static partial class LoraDataInputReader
{
    /// <summary>Reads the lines of a cluster file (<c>message_id</c>, <c>conversation_id</c>, <c>created_at</c>, <c>text</c>, <c>context</c>); bad lines become diagnostics.</summary>
    internal static async Task<List<SourceMessage>> ReadClusterFileAsync(string path, string displayName, List<LoraDataDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return ParseClusterLines(text, displayName.Replace('\\', '/'), diagnostics);
    }

    internal static List<SourceMessage> ParseClusterLines(string text, string fileName, List<LoraDataDiagnostic> diagnostics)
    {
        var messages = new List<SourceMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var row = document.RootElement;
                string? Str(string key) => row.ValueKind == JsonValueKind.Object && row.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var id = Str("message_id");
                var body = Str("text");
                if (string.IsNullOrEmpty(id) || body is null)
                {
                    diagnostics.Add(new LoraDataDiagnostic(fileName, i + 1, "needs string 'message_id' and 'text'; line skipped"));
                    continue;
                }

                if (!seen.Add(id))
                {
                    diagnostics.Add(new LoraDataDiagnostic(fileName, i + 1, $"message id '{id}' repeated; line skipped"));
                    continue;
                }

                DateTimeOffset? created = null;
                if (Str("created_at") is { } stamp)
                {
                    if (DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
                        created = parsed;
                    else
                        diagnostics.Add(new LoraDataDiagnostic(fileName, i + 1, $"unreadable created_at '{stamp}'; treated as unknown"));
                }

                messages.Add(new SourceMessage(id, Str("conversation_id") ?? "", created, body, Str("context")));
            }
            catch (JsonException ex)
            {
                diagnostics.Add(new LoraDataDiagnostic(fileName, i + 1, "not JSON; line skipped: " + ex.Message));
            }
        }

        return messages;
    }
}
