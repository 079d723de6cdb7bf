using System.Security.Cryptography;
using System.Text.Json;
using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Training;

/// <summary>
/// Reads chat JSONL: one conversation per line as OpenAI/HF <c>{"messages": [{"role", "content"}, …]}</c> (extra
/// keys are ignored), ShareGPT <c>{"conversations": [{"from", "value"}, …]}</c>, or the training-data stage's
/// <c>trainer</c> rows: messages with a per-turn <c>"train": true|false</c> and optionally <c>"input_ids"</c> +
/// <c>"assistant_mask"</c> of equal length. Never throws on bad content: a bad line becomes a
/// <see cref="ChatDataDiagnostic"/> naming file and line. Conversations with no trained turn are skipped (they
/// train nothing); without <c>train</c> flags the assistant turns are the trained ones.
/// </summary>
public static class ChatDataReader
{
    public static async Task<ChatDataSet> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var conversations = new List<ChatConversation>();
        var diagnostics = new List<ChatDataDiagnostic>();
        using var reader = new StreamReader(new MemoryStream(bytes));
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var conversation = ParseLine(line, lineNumber, out var error);
            if (conversation is null)
                diagnostics.Add(new ChatDataDiagnostic(path, lineNumber, error!));
            else
                conversations.Add(conversation);
        }

        return new ChatDataSet(conversations, diagnostics, sha);
    }

    /// <summary>Parses one JSONL line; null with <paramref name="error"/> set when it is unusable.</summary>
    public static ChatConversation? ParseLine(string line, int lineNumber, out string? error)
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
            var trained = new List<bool>();
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
                var train = name == ChatRole.Assistant;
                if (turn.TryGetProperty("train", out var flag))
                {
                    if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        error = $"message {index}: \"train\" must be true or false";
                        return null;
                    }

                    train = flag.GetBoolean();
                }

                messages.Add(new ChatMessage(name, content.GetString()!));
                trained.Add(train);
                index++;
            }

            if (!trained.Contains(true))
            {
                error = messages.Any(m => m.Role == ChatRole.Assistant)
                    ? "no message has \"train\": true: nothing to train on"
                    : "no assistant message: nothing to train on";
                return null;
            }

            var hasIds = root.TryGetProperty("input_ids", out var idsElement);
            var hasMask = root.TryGetProperty("assistant_mask", out var maskElement);
            if (!hasIds && !hasMask)
                return new ChatConversation(messages, trained, lineNumber);
            if (!hasIds || !hasMask || idsElement.ValueKind != JsonValueKind.Array || maskElement.ValueKind != JsonValueKind.Array
                || idsElement.GetArrayLength() != maskElement.GetArrayLength())
            {
                error = "\"input_ids\" and \"assistant_mask\" must both be arrays of the same length";
                return null;
            }

            var ids = new int[idsElement.GetArrayLength()];
            var mask = new bool[ids.Length];
            var position = 0;
            foreach (var value in idsElement.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var id) || id < 0)
                {
                    error = $"\"input_ids\"[{position}] is not a non-negative integer";
                    return null;
                }

                ids[position++] = id;
            }

            position = 0;
            foreach (var value in maskElement.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var bit) || bit is not (0 or 1))
                {
                    error = $"\"assistant_mask\"[{position}] is not 0 or 1";
                    return null;
                }

                mask[position++] = bit == 1;
            }

            if (ids.Length < 2 || !mask.Skip(1).Contains(true))
            {
                error = "\"assistant_mask\" marks no token after the first: nothing to train on";
                return null;
            }

            return new ChatConversation(messages, trained, lineNumber, ids, mask);
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON at byte {ex.BytePositionInLine}: {ex.Message}";
            return null;
        }
    }
}
