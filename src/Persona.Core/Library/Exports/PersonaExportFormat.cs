namespace Persona.Core.Library.Exports;

/// <summary>The formats a persona can be exported to.</summary>
public enum PersonaExportFormat
{
    /// <summary><c>{"role":"system","content":…}</c>, for OpenAI-compatible chat APIs.</summary>
    OpenAiSystemMessage,

    /// <summary>An Ollama <c>Modelfile</c>: <c>FROM</c>, <c>SYSTEM</c> and an optional <c>ADAPTER</c>.</summary>
    OllamaModelfile,

    /// <summary>Character Card V2 JSON (<c>chara_card_v2</c>).</summary>
    CharacterCardV2,

    /// <summary>Character Card V3 JSON (<c>chara_card_v3</c>).</summary>
    CharacterCardV3,
}
