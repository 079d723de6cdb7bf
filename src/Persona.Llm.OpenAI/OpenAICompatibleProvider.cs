using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI.Models;
using Persona.Core.Llm;

namespace Persona.Llm.OpenAI;

/// <summary>
/// Builds <see cref="OpenAICompatibleChatClient"/>s and probes <c>GET /v1/models</c>. The API key is read
/// from the environment variable the role's configuration names, never from the configuration itself.
/// Persona.Core loads this type by name when the assembly sits beside it.
/// </summary>
public sealed class OpenAICompatibleProvider : IChatClientProvider
{
    private readonly Func<HttpClient>? _httpFactory;
    private readonly Func<string, string?> _environment;

    public OpenAICompatibleProvider()
        : this(null, null)
    {
    }

    /// <param name="httpFactory">Transport for clients and probes; null uses the SDK's.</param>
    /// <param name="environment">Reads an environment variable; null reads the process environment.</param>
    public OpenAICompatibleProvider(Func<HttpClient>? httpFactory, Func<string, string?>? environment)
    {
        _httpFactory = httpFactory;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public LlmProviderKind Kind => LlmProviderKind.OpenAICompatible;

    public IChatClient CreateClient(LlmRoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OpenAICompatibleChatClient(options.Model!, options.Endpoint, ApiKey(options), _httpFactory?.Invoke());
    }

    public async Task<LlmReachability> ProbeAsync(LlmRoleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? OpenAICompatibleChatClient.DefaultEndpoint;
        if (options.ApiKeyEnvironmentVariable is { } variable && string.IsNullOrEmpty(_environment(variable)))
            return LlmReachability.Unreachable($"environment variable {variable} (the API key) is not set");

        using var ownHttp = _httpFactory is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(5) } : null;
        var client = new OpenAIModelClient(new ApiKeyCredential(ApiKey(options) ?? "no-key"),
            OpenAICompatibleChatClient.ClientOptions(endpoint, ownHttp ?? _httpFactory!()));
        List<string> models;
        try
        {
            var collection = (await client.GetModelsAsync(cancellationToken).ConfigureAwait(false)).Value;
            models = collection.Select(model => model.Id).ToList();
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return LlmReachability.Unreachable($"server at {endpoint} did not answer: {ex.Message}");
        }

        return models.Contains(options.Model!, StringComparer.OrdinalIgnoreCase)
            ? new LlmReachability(true, $"model present ({models.Count} models at {endpoint})", models)
            : new LlmReachability(false, $"model '{options.Model}' not offered at {endpoint} (has: {string.Join(", ", models.Take(8))}{(models.Count > 8 ? ", …" : "")})", models);
    }

    private string? ApiKey(LlmRoleOptions options) =>
        options.ApiKeyEnvironmentVariable is { } variable ? _environment(variable) : null;
}
