namespace Persona.Core.Llm;

/// <summary>Which path produced an LLM-assisted result.</summary>
public enum LlmPath
{
    /// <summary>The deterministic offline strategy (no model configured, unreachable, or its answers were invalid).</summary>
    Offline,

    /// <summary>The model's first answer, valid against the schema.</summary>
    Model,

    /// <summary>The model's answer after one repair round-trip.</summary>
    Repaired,
}
