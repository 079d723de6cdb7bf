using Persona.Core.Display;

namespace Persona.Core.Prompts;

public sealed partial record GeneratedPrompt
{
    /// <summary>Each claim of the prompt with the message ids it was measured from.</summary>
    public HtmlTable EvidenceTable() => HtmlTable.Create(
        Claims,
        [("Aspect", claim => claim.Aspect), ("Claim", claim => claim.Text), ("Messages", claim => string.Join(", ", claim.MessageIds))],
        maxRows: 50,
        caption: $"{Name}: evidence");

    /// <summary>The quoted examples with their message ids.</summary>
    public HtmlTable ExampleTable() => HtmlTable.Create(
        Examples,
        [("Message", example => example.MessageId), ("Context", example => example.Context ?? "(opened the conversation)"), ("They wrote", example => example.Text)],
        caption: $"{Name}: examples");
}
