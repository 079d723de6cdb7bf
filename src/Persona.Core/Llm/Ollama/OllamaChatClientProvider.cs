using Microsoft.Extensions.AI;

namespace Persona.Core.Llm.Ollama;

/// <summary>Builds <see cref="OllamaChatClient"/>s and probes the server's model list.</summary>
public sealed class OllamaChatClientProvider : IChatClientProvider
{
    private readonly Func<HttpClient>? _httpFactory;

    /// <param name="httpFactory">Transport for clients and probes; null gives each its own.</param>
    public OllamaChatClientProvider(Func<HttpClient>? httpFactory = null) => _httpFactory = httpFactory;

    public LlmProviderKind Kind => LlmProviderKind.Ollama;

    public IChatClient CreateClient(LlmRoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OllamaChatClient(options.Endpoint, options.Model, _httpFactory?.Invoke());
    }

    public async Task<LlmReachability> ProbeAsync(LlmRoleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var ownHttp = _httpFactory is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(5) } : null;
        using var client = new OllamaChatClient(options.Endpoint, options.Model, ownHttp ?? _httpFactory!());
        IReadOnlyList<string> models;
        try
        {
            models = await client.ListModelsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or System.Text.Json.JsonException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return LlmReachability.Unreachable($"Ollama at {client.Endpoint} did not answer: {ex.Message}");
        }

        var present = models.Any(name => ModelMatches(name, options.Model!));
        return present
            ? new LlmReachability(true, $"model present ({models.Count} models at {client.Endpoint})", models)
            : new LlmReachability(false, $"model '{options.Model}' not pulled at {client.Endpoint} (has: {string.Join(", ", models.Take(8))}{(models.Count > 8 ? ", …" : "")}); run `ollama pull {options.Model}`", models);
    }

    internal static bool ModelMatches(string listed, string configured) =>
        string.Equals(listed, configured, StringComparison.OrdinalIgnoreCase)
        || (!configured.Contains(':', StringComparison.Ordinal) && string.Equals(listed, configured + ":latest", StringComparison.OrdinalIgnoreCase));
}
