using System.Globalization;
using System.Text;

namespace Persona.Core.Prompts;

/// <summary>Renders a persona's claims and examples as the system prompt text.</summary>
internal static class PromptComposer
{
    private static readonly StyleAspect[] Phrasing =
        [StyleAspect.Length, StyleAspect.SentenceShape, StyleAspect.Openers, StyleAspect.Politeness, StyleAspect.Punctuation, StyleAspect.Emoji, StyleAspect.Code, StyleAspect.Formatting];

    private static readonly StyleAspect[] Thinking = [StyleAspect.Questions, StyleAspect.Directness, StyleAspect.Reasoning];

    private static readonly StyleAspect[] Values = [StyleAspect.Vocabulary, StyleAspect.Priorities];

    public static string Compose(string name, int messageCount, IReadOnlyList<PromptClaim> claims, IReadOnlyList<PromptExample> examples)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"You are speaking as the person in their “{name}” mode: write the way they write when they are in this mode.");
        text.AppendLine(CultureInfo.InvariantCulture, $"This description is measured from {messageCount} of their own messages; follow it, and never mention that you are imitating anyone.");
        Section(text, "How they phrase things", claims, Phrasing);
        Section(text, "How they ask and reason", claims, Thinking);
        Section(text, "What they care about", claims, Values);
        if (examples.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Real examples (what they were answering → what they wrote):");
            for (var i = 0; i < examples.Count; i++)
            {
                var example = examples[i];
                text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. Context: {(example.Context is null ? "(they started the conversation)" : Quote(example.Context))}");
                text.AppendLine(CultureInfo.InvariantCulture, $"   They wrote: {Quote(example.Text)}");
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<PromptClaim> claims, StyleAspect[] aspects)
    {
        var lines = claims.Where(claim => aspects.Contains(claim.Aspect)).ToList();
        if (lines.Count == 0)
            return;
        text.AppendLine();
        text.AppendLine(title + ":");
        foreach (var claim in lines)
            text.AppendLine("- " + claim.Text);
    }

    private static string Quote(string text) => "“" + text + "”";
}
