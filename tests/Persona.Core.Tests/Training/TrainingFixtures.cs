using System.Text.Json;
using Persona.Core.Training;

namespace Persona.Core.Tests.Training;

/// <summary>Small inputs for the training-data tests: messages, persona sources and on-disk pipeline folders.</summary>
internal static class TrainingFixtures
{
    public static SourceMessage Message(string id, string text, string? context = "What would you like to talk about today?", int day = 1) =>
        new(id, "c-" + id, new DateTimeOffset(2025, 1, day, 12, 0, 0, TimeSpan.Zero), text, context);

    public static PersonaDataSource Source(params SourceMessage[] messages) =>
        new("Planner", "planner", "You plan carefully.", SystemPromptSource.Default, messages, []);

    /// <summary>Distinct prose messages (random word choices: no near-duplicates or shared openings between them).</summary>
    public static SourceMessage[] Prose(int count, string prefix = "m") =>
        [.. Enumerable.Range(0, count).Select(i => Message($"{prefix}{i:D4}", Sentence(new Random(i * 7919 + prefix.Length)), day: 1 + (i % 28)))];

    private static string Sentence(Random r)
    {
        string W() => Words[r.Next(Words.Length)];
        return $"{W()} and {W()} before {W()}, then {W()} with {W()}; honestly {W()} beats {W()}.";
    }

    public static void WriteClusterFile(string pipelineRoot, string slug, IEnumerable<SourceMessage> messages)
    {
        var folder = Path.Combine(pipelineRoot, "clusters");
        Directory.CreateDirectory(folder);
        var lines = messages.Select(m => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["message_id"] = m.MessageId,
            ["conversation_id"] = m.ConversationId,
            ["conversation_title"] = null,
            ["created_at"] = m.CreatedAt?.ToString("O"),
            ["text"] = m.Text,
            ["context"] = m.Context,
            ["topic"] = "planning",
            ["tone"] = "neutral",
        }));
        File.WriteAllText(Path.Combine(folder, $"persona_{slug}.jsonl"), string.Join("\n", lines) + "\n");
    }

    public static void WriteTranscript(string profilesRoot, string profile, string sessionId, string status, params (string Question, string Answer)[] turns)
    {
        var folder = Path.Combine(profilesRoot, profile, "memory", "training", "persona");
        Directory.CreateDirectory(folder);
        var json = new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["sessionId"] = sessionId,
            ["profileId"] = profile,
            ["status"] = status,
            ["questions"] = turns.Select((t, i) => new Dictionary<string, object?> { ["id"] = $"q{i + 1:D3}", ["prompt"] = t.Question, ["category"] = "values" }).ToArray(),
            ["answers"] = turns.Select((t, i) => new Dictionary<string, object?> { ["id"] = $"a{i + 1:D3}", ["questionId"] = $"q{i + 1:D3}", ["content"] = t.Answer, ["skipped"] = false }).ToArray(),
        };
        File.WriteAllText(Path.Combine(folder, sessionId + ".json"), JsonSerializer.Serialize(json));
    }

    private static readonly string[] Words =
    [
        "gardening", "budgets", "climbing", "music theory", "sourdough", "chess openings", "Rust lifetimes", "tax forms",
        "sleep", "running shoes", "poetry", "a job offer", "my sister's wedding", "compost", "Kafka", "watercolours",
        "moving house", "the dentist", "learning Greek", "old cameras", "bike repair", "a stubborn bug", "tea", "Lisbon",
        "quarterly goals", "jazz", "knitting", "the garage door", "vitamin D", "Bayesian stats", "a cover letter", "hiking boots",
        "ferments", "board games", "the landlord", "spreadsheets", "kayaks", "origami", "night trains", "cheap flights",
        "wool socks", "soup", "Haskell", "my grandmother", "balcony tomatoes", "podcasts", "a used car", "the orchestra",
    ];
}
