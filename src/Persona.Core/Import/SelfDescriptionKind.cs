namespace Persona.Core.Import;

/// <summary>Where a piece of self-description came from.</summary>
public enum SelfDescriptionKind
{
    /// <summary>ChatGPT custom instructions, "what should ChatGPT know about you" (<c>user_profile</c>, <c>about_user_message</c>).</summary>
    AboutUser,

    /// <summary>ChatGPT custom instructions, "how should ChatGPT respond" (<c>user_instructions</c>, <c>about_model_message</c>).</summary>
    ResponseInstructions,

    /// <summary>ChatGPT memory injected into a chat (<c>model_editable_context.model_set_context</c>).</summary>
    Memory,
}
