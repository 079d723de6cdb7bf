using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Persona.SampleExport;

/// <summary>
/// Generates a ChatGPT-format export (<c>conversations.json</c> shape: mapping tree, <c>current_node</c>,
/// hidden system root, custom instructions, a few edited-prompt branches) of one person who writes in
/// four distinct modes, plus a labels file giving each person message's mode. Deterministic per seed.
/// </summary>
public static partial class SampleExportGenerator
{
    public const int DefaultSeed = 7;

    public const string ExportFileName = "generated-persona-chatgpt.json";

    public const string LabelsFileName = "generated-persona-chatgpt.labels.json";

    private const int ConversationsPerMode = 18;

    private const string Profile =
        "The user provided the following information about themselves. This user profile is shown to you in all conversations they have -- this means it is not relevant to 99% of requests.\n" +
        "User profile:\n```I run a small bakery-café in Utrecht and write its till and stock software myself. On weekends I write cozy fantasy stories.```";

    private const string Instructions =
        "The user provided the additional info about how they would like you to respond:\n" +
        "```When I'm debugging, be brief and give me code. When I'm planning, think it through carefully with me and show the numbers.```";

    public static GeneratedSample Generate(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var modes = SampleModes.All.SelectMany(m => Enumerable.Repeat(m, ConversationsPerMode)).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(modes));
        var conversations = new JsonArray();
        var labels = new JsonArray();
        var clock = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var active = 0;
        var total = 0;
        foreach (var mode in modes)
        {
            clock += random.Next(6 * 3600, 40 * 3600);
            var conversation = new ConversationWriter(random, clock);
            if (random.NextDouble() < 0.25)
                conversation.AddCustomInstructions(Profile, Instructions);
            var turns = random.Next(3, 7);
            string? firstText = null;
            for (var turn = 0; turn < turns; turn++)
            {
                var text = Unique(random, mode, turn == 0 ? mode.Openers : mode.FollowUps, used);
                firstText ??= text;
                if (turn > 0 && random.NextDouble() < 0.06)
                {
                    // An edited prompt: the first version stays on an abandoned branch.
                    var draft = Unique(random, mode, mode.FollowUps, used);
                    var draftId = conversation.AddUserBranch(draft, Pick(random, mode.Replies));
                    labels.Add(Label(conversation.Id, draftId, mode, false));
                    total++;
                }

                var id = conversation.AddUser(text);
                labels.Add(Label(conversation.Id, id, mode, true));
                active++;
                total++;
                conversation.AddAssistant(Pick(random, mode.Replies));
            }

            conversations.Add(conversation.Build(Title(firstText!)));
            clock = conversation.Clock;
        }

        var labelDocument = new JsonObject
        {
            ["seed"] = seed,
            ["generator"] = "tests/Persona.SampleExport",
            ["modes"] = new JsonArray([.. SampleModes.All.Select(m => (JsonNode)m.Name)]),
            ["messages"] = labels,
        };
        var options = new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var indented = new JsonSerializerOptions(options) { WriteIndented = true };
        return new GeneratedSample(
            conversations.ToJsonString(options) + "\n",
            labelDocument.ToJsonString(indented) + "\n",
            conversations.Count,
            total,
            active);
    }

    private static JsonObject Label(string conversationId, string nodeId, SampleMode mode, bool onActiveBranch) => new()
    {
        ["message_id"] = conversationId + "/" + nodeId,
        ["conversation_id"] = conversationId,
        ["mode"] = mode.Name,
        ["on_active_branch"] = onActiveBranch,
    };

    private static string Unique(Random random, SampleMode mode, IReadOnlyList<string> templates, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = Fill(random, mode, Pick(random, templates));
            if (used.Add(text) || attempt > 60)
                return text;
        }
    }

    private static string Fill(Random random, SampleMode mode, string template) =>
        Slot().Replace(template, m => mode.Slots.TryGetValue(m.Groups[1].Value, out var values) ? Pick(random, values) : m.Value);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Title(string firstText)
    {
        var words = Regex.Split(firstText, @"[^\p{L}\p{N}'-]+").Where(w => w.Length > 0).Take(5);
        var title = string.Join(' ', words);
        return title.Length == 0 ? "New chat" : char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..];
    }

    [GeneratedRegex(@"\{([a-zA-Z0-9]+)\}")]
    private static partial Regex Slot();
}
