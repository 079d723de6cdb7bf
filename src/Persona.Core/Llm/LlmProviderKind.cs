namespace Persona.Core.Llm;

/// <summary>Where a role's requests go.</summary>
public enum LlmProviderKind
{
    /// <summary>No model: the step's deterministic offline strategy runs.</summary>
    Offline,

    /// <summary>An Ollama server through its native HTTP API (<c>/api/chat</c>, <c>/api/tags</c>).</summary>
    Ollama,

    /// <summary>Any OpenAI-compatible <c>/v1</c> endpoint (OpenAI, Ollama's /v1, LM Studio, vLLM, llama.cpp server).</summary>
    OpenAICompatible,
}
