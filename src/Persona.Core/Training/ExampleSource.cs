namespace Persona.Core.Training;

/// <summary>Where an example's assistant turn (the person's words) came from.</summary>
public enum ExampleSource
{
    /// <summary>A message the person wrote in an imported chat (clusters/persona_&lt;name&gt;.jsonl).</summary>
    Message,

    /// <summary>An answer the person gave in a completed interview.</summary>
    Interview,
}
