using Microsoft.Extensions.AI;

namespace Persona.Core.Llm;

/// <summary>
/// Builds chat clients for one provider kind and says whether its server answers. Core ships the
/// Ollama provider; the OpenAI-compatible one lives in <c>Persona.Llm.OpenAI</c> so the core library
/// does not carry the OpenAI SDK.
/// </summary>
public interface IChatClientProvider
{
    LlmProviderKind Kind { get; }

    /// <summary>A client for <paramref name="options"/> (not yet wrapped in retries; <see cref="LlmRuntime"/> does that).</summary>
    IChatClient CreateClient(LlmRoleOptions options);

    /// <summary>Asks the server for its models and whether <see cref="LlmRoleOptions.Model"/> is among them.</summary>
    Task<LlmReachability> ProbeAsync(LlmRoleOptions options, CancellationToken cancellationToken = default);
}
