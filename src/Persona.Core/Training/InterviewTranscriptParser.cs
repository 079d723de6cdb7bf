using System.Text.Json;

namespace Persona.Core.Training;

/// <summary>
/// Reads a completed interview transcript (the session file copied to <c>memory/training/persona/</c>):
/// <c>sessionId</c>, <c>status</c>, <c>questions[{id, prompt}]</c>, <c>answers[{id, questionId, content, skipped}]</c>.
/// Only completed sessions count; skipped and empty answers and answers to unknown questions are left out.
/// </summary>
internal static class InterviewTranscriptParser
{
    public static List<InterviewExchange>? Parse(byte[] json, string fileName, List<LoraDataDiagnostic> diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? Str(JsonElement e, string key) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var sessionId = Str(root, "sessionId");
            if (string.IsNullOrEmpty(sessionId))
            {
                diagnostics.Add(new LoraDataDiagnostic(fileName, null, "no 'sessionId': not an interview transcript; skipped"));
                return null;
            }

            if (!string.Equals(Str(root, "status"), "Completed", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new LoraDataDiagnostic(fileName, null, $"session {sessionId} is not completed; skipped"));
                return null;
            }

            var questions = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("questions", out var qs) && qs.ValueKind == JsonValueKind.Array)
            {
                foreach (var q in qs.EnumerateArray())
                {
                    if (Str(q, "id") is { } id && Str(q, "prompt") is { } prompt)
                        questions[id] = prompt;
                }
            }

            var exchanges = new List<InterviewExchange>();
            if (root.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var a in answers.EnumerateArray())
                {
                    var skipped = a.ValueKind == JsonValueKind.Object && a.TryGetProperty("skipped", out var s) && s.ValueKind == JsonValueKind.True;
                    var answerId = Str(a, "id");
                    var content = Str(a, "content");
                    if (skipped || string.IsNullOrWhiteSpace(content))
                    {
                        index++;
                        continue;
                    }

                    if (answerId is null || Str(a, "questionId") is not { } qid || !questions.TryGetValue(qid, out var question))
                        diagnostics.Add(new LoraDataDiagnostic(fileName, null, $"answers[{index}]: no id or no matching question; skipped"));
                    else
                        exchanges.Add(new InterviewExchange(sessionId, answerId, question, content));
                    index++;
                }
            }

            return exchanges;
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new LoraDataDiagnostic(fileName, (int)(ex.LineNumber ?? 0) + 1, "not JSON; skipped: " + ex.Message));
            return null;
        }
    }
}
