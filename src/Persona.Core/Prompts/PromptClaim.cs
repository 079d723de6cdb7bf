namespace Persona.Core.Prompts;

/// <summary>One statement the prompt makes about the person, with the messages it was measured from.</summary>
/// <param name="Aspect">What the claim is about.</param>
/// <param name="Text">The sentence as it appears in the prompt.</param>
/// <param name="MessageIds">Ids of messages that show it (a bounded, deterministic sample).</param>
public sealed record PromptClaim(StyleAspect Aspect, string Text, IReadOnlyList<string> MessageIds);
