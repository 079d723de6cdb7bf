using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Prompts;

/// <summary>
/// Asks the prompt-writer model to rewrite an offline draft into a more natural system prompt, through
/// the structured-output path. The model must keep the quoted examples verbatim; otherwise (or with no
/// model) the offline draft stands, and the provenance says so.
/// </summary>
internal static class PromptRefiner
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object",
         "properties":{"prompt":{"type":"string","minLength":100,"maxLength":12000,"description":"The refined system prompt."}},
         "required":["prompt"],"additionalProperties":false}
        """).RootElement.Clone();

    public static Task<StructuredResult<PromptRefinement>> RefineAsync(IChatClient? client, ChatOptions? chatOptions, string name, string draft,
        IReadOnlyList<PromptClaim> claims, IReadOnlyList<PromptExample> examples, CancellationToken cancellationToken)
    {
        var request = new StructuredRequest<PromptRefinement>(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, Brief(name, draft, claims, examples))],
            Schema, "persona_prompt", PromptsJsonContext.Default.PromptRefinement, () => new PromptRefinement(draft))
        {
            ChatOptions = chatOptions,
            Check = refinement => examples
                .Where(example => !refinement.Prompt.Contains(Anchor(example.Text), StringComparison.Ordinal))
                .Select(example => $"the prompt must quote example message {example.MessageId} verbatim: “{Anchor(example.Text)}…”"),
        };
        return StructuredChat.RequestAsync(client, request, cancellationToken);
    }

    private const string Instructions =
        "You write system prompts that let a language model write like one specific person in one of their modes. "
        + "Use only the measured observations and examples you are given: add no traits, facts or biography of your own. "
        + "Keep every quoted example message verbatim. Address the model in the second person. "
        + "Answer with a JSON object {\"prompt\": \"...\"}.";

    private static string Brief(string name, string draft, IReadOnlyList<PromptClaim> claims, IReadOnlyList<PromptExample> examples)
    {
        var text = new StringBuilder();
        text.Append("Persona mode: ").AppendLine(name).AppendLine().AppendLine("Measured observations:");
        foreach (var claim in claims)
            text.Append("- ").AppendLine(claim.Text);
        text.AppendLine().AppendLine("Example messages (keep verbatim):");
        foreach (var example in examples)
            text.Append("- context: ").AppendLine(example.Context ?? "(none)").Append("  message: ").AppendLine(example.Text);
        text.AppendLine().AppendLine("Draft prompt to improve:").AppendLine(draft);
        return text.ToString();
    }

    /// <summary>The part of an example that must survive refinement verbatim: its first 60 characters.</summary>
    private static string Anchor(string text) => text.Length <= 60 ? text : text[..60];
}
