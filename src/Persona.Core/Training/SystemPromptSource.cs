namespace Persona.Core.Training;

/// <summary>Where a persona's system prompt came from.</summary>
public enum SystemPromptSource
{
    /// <summary><c>prompts/generated_prompts.json</c>.</summary>
    GeneratedPrompts,

    /// <summary>The profile's persona library (an active persona with the same name; edits by the person win).</summary>
    Library,

    /// <summary>The profile's core persona rendered as <c>{{USER_PERSONA}}</c>.</summary>
    CorePersona,

    /// <summary>No prompt was found: <see cref="LoraDataOptions.DefaultSystemPrompt"/>.</summary>
    Default,
}
