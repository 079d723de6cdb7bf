using Microsoft.Extensions.AI;
using Persona.Core.Llm.Ollama;
using Persona.Core.Llm.Resilience;

namespace Persona.Core.Llm;

/// <summary>
/// The configured roles and the providers that serve them: hands each step the client for its role
/// (or null, meaning run the offline strategy) and reports status. Build one per process or notebook.
/// </summary>
public sealed class LlmRuntime : IDisposable
{
    private readonly Dictionary<LlmProviderKind, IChatClientProvider> _providers;
    private readonly Dictionary<LlmRole, IChatClient> _clients = [];
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();

    public LlmRuntime(LlmOptions options, IEnumerable<IChatClientProvider> providers, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(providers);
        Options = options;
        _providers = providers.ToDictionary(provider => provider.Kind);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public LlmOptions Options { get; }

    /// <summary>
    /// Loads <c>config/llm.yaml</c> and environment overrides (<see cref="Configuration.LlmConfigLoader.LoadDefault"/>)
    /// with the built-in providers plus any in <paramref name="extraProviders"/>.
    /// </summary>
    public static LlmRuntime CreateDefault(params IChatClientProvider[] extraProviders) =>
        new(Configuration.LlmConfigLoader.LoadDefault(), DefaultProviders(extraProviders));

    /// <summary>The Ollama provider, the OpenAI-compatible one when its assembly sits beside this one, then <paramref name="extra"/>.</summary>
    public static IReadOnlyList<IChatClientProvider> DefaultProviders(params IChatClientProvider[] extra)
    {
        var providers = new List<IChatClientProvider> { new OllamaChatClientProvider() };
        if (LlmProviderDiscovery.TryLoadOpenAICompatible() is { } openAI)
            providers.Add(openAI);
        foreach (var provider in extra)
        {
            providers.RemoveAll(existing => existing.Kind == provider.Kind);
            providers.Add(provider);
        }

        return providers;
    }

    /// <summary>
    /// The client for <paramref name="role"/>, wrapped in timeout and retry; null when the role is
    /// offline or its provider is not available in this process (the step then runs offline).
    /// </summary>
    public IChatClient? GetClient(LlmRole role)
    {
        var options = Options.For(role);
        if (options.Provider == LlmProviderKind.Offline || !_providers.TryGetValue(options.Provider, out var provider))
            return null;
        lock (_gate)
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                var retry = new RetryOptions { MaxRetries = options.MaxRetries, AttemptTimeout = options.Timeout, TimeProvider = _timeProvider };
                client = new RetryingChatClient(provider.CreateClient(options), retry);
                _clients[role] = client;
            }

            return client;
        }
    }

    /// <summary>The chat options a role's request starts from (model id and temperature).</summary>
    public ChatOptions ChatOptionsFor(LlmRole role)
    {
        var options = Options.For(role);
        return new ChatOptions { ModelId = options.Model, Temperature = (float)options.Temperature };
    }

    /// <summary>Every role's configuration and, unless <paramref name="probe"/> is false, whether its model answers.</summary>
    public async Task<LlmStatusReport> GetStatusAsync(bool probe = true, CancellationToken cancellationToken = default)
    {
        var statuses = new List<LlmRoleStatus>();
        var probes = new Dictionary<(LlmProviderKind, Uri?, string?, string?), LlmReachability>();
        foreach (var role in Options.Roles)
            statuses.Add(await RoleStatusAsync(role, probe, probes, cancellationToken).ConfigureAwait(false));
        return new LlmStatusReport(statuses, Options.Source);
    }

    /// <summary>One role's configuration and, unless <paramref name="probe"/> is false, whether its model answers.</summary>
    public Task<LlmRoleStatus> GetRoleStatusAsync(LlmRole role, bool probe = true, CancellationToken cancellationToken = default) =>
        RoleStatusAsync(role, probe, [], cancellationToken);

    private async Task<LlmRoleStatus> RoleStatusAsync(LlmRole role, bool probe, Dictionary<(LlmProviderKind, Uri?, string?, string?), LlmReachability> probes, CancellationToken cancellationToken)
    {
        var options = Options.For(role);
        if (options.Provider == LlmProviderKind.Offline)
            return new LlmRoleStatus(role, options.Provider, null, null, null, "offline strategy (no model configured)");

        if (!_providers.TryGetValue(options.Provider, out var provider))
        {
            return new LlmRoleStatus(role, options.Provider, options.Model, options.Endpoint, false,
                $"provider {Configuration.LlmRoleSettingsParser.Name(options.Provider)} is not available in this process"
                + (options.Provider == LlmProviderKind.OpenAICompatible ? " (Persona.Llm.OpenAI.dll not found beside Persona.Core.dll)" : "")
                + "; offline strategy runs");
        }

        var endpoint = options.Endpoint ?? DefaultEndpoint(options.Provider);
        if (!probe)
            return new LlmRoleStatus(role, options.Provider, options.Model, endpoint, null, "not probed");

        var key = (options.Provider, endpoint, options.Model, options.ApiKeyEnvironmentVariable);
        if (!probes.TryGetValue(key, out var reachability))
        {
            reachability = await provider.ProbeAsync(options, cancellationToken).ConfigureAwait(false);
            probes[key] = reachability;
        }

        return new LlmRoleStatus(role, options.Provider, options.Model, endpoint, reachability.Reachable,
            reachability.Reachable ? reachability.Detail : reachability.Detail + "; offline strategy runs");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients.Values)
                client.Dispose();
            _clients.Clear();
        }
    }

    private static Uri? DefaultEndpoint(LlmProviderKind provider) => provider switch
    {
        LlmProviderKind.Ollama => OllamaChatClient.DefaultEndpoint,
        LlmProviderKind.OpenAICompatible => new Uri("https://api.openai.com/v1"),
        _ => null,
    };
}
