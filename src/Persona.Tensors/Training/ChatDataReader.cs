using System.Security.Cryptography;
using System.Text.Json;
using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Training;

/// <summary>
/// Reads chat JSONL: one conversation per line as OpenAI/HF <c>{"messages": [{"role", "content"}, …]}</c> (the
/// trainer's own format; extra keys are ignored) or ShareGPT <c>{"conversations": [{"from", "value"}, …]}</c>.
/// Never throws on bad content: a bad line becomes a <see cref="ChatDataDiagnostic"/> naming file and line.
/// Conversations without an assistant turn are skipped (they train nothing).
/// </summary>
public static class ChatDataReader
{
    public static async Task<ChatDataSet> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var conversations = new List<IReadOnlyList<ChatMessage>>();
        var diagnostics = new List<ChatDataDiagnostic>();
        using var reader = new StreamReader(new MemoryStream(bytes));
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var messages = ParseLine(line, out var error);
            if (messages is null)
                diagnostics.Add(new ChatDataDiagnostic(path, lineNumber, error!));
            else
                conversations.Add(messages);
        }

        return new ChatDataSet(conversations, diagnostics, sha);
    }

    /// <summary>Parses one JSONL line; null with <paramref name="error"/> set when it is unusable.</summary>
    public static IReadOnlyList<ChatMessage>? ParseLine(string line, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        error = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object";
                return null;
            }

            JsonElement turns;
            string roleKey, contentKey;
            if (root.TryGetProperty("messages", out turns))
            {
                (roleKey, contentKey) = ("role", "content");
            }
            else if (root.TryGetProperty("conversations", out turns))
            {
                (roleKey, contentKey) = ("from", "value");
            }
            else
            {
                error = "no \"messages\" (or \"conversations\") array";
                return null;
            }

            if (turns.ValueKind != JsonValueKind.Array)
            {
                error = "\"messages\" is not an array";
                return null;
            }

            var messages = new List<ChatMessage>();
            var index = 0;
            foreach (var turn in turns.EnumerateArray())
            {
                if (turn.ValueKind != JsonValueKind.Object
                    || !turn.TryGetProperty(roleKey, out var role) || role.ValueKind != JsonValueKind.String
                    || !turn.TryGetProperty(contentKey, out var content) || content.ValueKind != JsonValueKind.String)
                {
                    error = $"message {index} needs string \"{roleKey}\" and \"{contentKey}\"";
                    return null;
                }

                var name = role.GetString()!.Trim().ToLowerInvariant() switch
                {
                    "human" or "user" => ChatRole.User,
                    "gpt" or "assistant" => ChatRole.Assistant,
                    "system" => ChatRole.System,
                    var other => new ChatRole(other),
                };
                messages.Add(new ChatMessage(name, content.GetString()!));
                index++;
            }

            if (!messages.Any(m => m.Role == ChatRole.Assistant))
            {
                error = "no assistant message: nothing to train on";
                return null;
            }

            return messages;
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON at byte {ex.BytePositionInLine}: {ex.Message}";
            return null;
        }
    }
}
