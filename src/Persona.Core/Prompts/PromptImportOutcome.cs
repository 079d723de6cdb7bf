namespace Persona.Core.Prompts;

/// <summary>What importing one generated prompt did to the library.</summary>
public enum PromptImportOutcome
{
    /// <summary>A new persona (source: extracted) was created.</summary>
    Created,

    /// <summary>The persona existed with other instructions; a new version was appended.</summary>
    Updated,

    /// <summary>The persona already had exactly this prompt; nothing was written.</summary>
    Unchanged,

    /// <summary>The library refused it; see the message.</summary>
    Failed,
}
