namespace Persona.Core.Llm;

/// <summary>How one role reaches its model. Immutable; built by <see cref="Configuration.LlmConfigLoader"/>.</summary>
/// <param name="Provider">Where requests go; <see cref="LlmProviderKind.Offline"/> runs the step's offline strategy.</param>
/// <param name="Model">Model id on the server (e.g. <c>llama3.2</c>); required unless offline.</param>
/// <param name="Temperature">Sampling temperature, 0..2.</param>
/// <param name="Endpoint">Server base address; null means the provider's default.</param>
/// <param name="ApiKeyEnvironmentVariable">Name of the environment variable holding the API key (never the key itself).</param>
/// <param name="Timeout">Limit for one attempt.</param>
/// <param name="MaxRetries">Further attempts after a transient failure (connection error, 408, 429, 5xx, timeout).</param>
public sealed record LlmRoleOptions(
    LlmProviderKind Provider,
    string? Model,
    double Temperature,
    Uri? Endpoint,
    string? ApiKeyEnvironmentVariable,
    TimeSpan Timeout,
    int MaxRetries)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public const int DefaultMaxRetries = 2;

    public const double DefaultTemperature = 0.7;

    /// <summary>A role that runs offline.</summary>
    public static LlmRoleOptions Offline { get; } = new(LlmProviderKind.Offline, null, DefaultTemperature, null, null, DefaultTimeout, DefaultMaxRetries);

    /// <summary>Every problem with these options, empty when they are usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (Temperature is < 0 or > 2 || double.IsNaN(Temperature))
            yield return $"temperature {Temperature} is outside 0..2";
        if (Timeout <= TimeSpan.Zero)
            yield return "timeout_seconds must be positive";
        if (MaxRetries is < 0 or > 10)
            yield return $"max_retries {MaxRetries} is outside 0..10";
        if (Provider != LlmProviderKind.Offline && string.IsNullOrWhiteSpace(Model))
            yield return $"provider {Provider} needs a model";
        if (Endpoint is not null && !Endpoint.IsAbsoluteUri)
            yield return $"endpoint {Endpoint} is not an absolute URI";
    }
}
