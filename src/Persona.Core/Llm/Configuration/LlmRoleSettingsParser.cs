using System.Globalization;

namespace Persona.Core.Llm.Configuration;

/// <summary>Turns one role's merged settings into <see cref="LlmRoleOptions"/>, naming the origin of each bad value.</summary>
internal static class LlmRoleSettingsParser
{
    public static LlmRoleOptions? Parse(LlmRole role, IReadOnlyDictionary<string, LlmSetting> settings, List<string> problems)
    {
        var before = problems.Count;
        var provider = LlmProviderKind.Offline;
        if (settings.TryGetValue("provider", out var providerSetting) && !TryParseProvider(providerSetting.Value, out provider))
            problems.Add($"{providerSetting.Origin}: role {role}: unknown provider '{providerSetting.Value}' (offline, ollama, openai-compatible)");

        var model = settings.TryGetValue("model", out var modelSetting) && !string.IsNullOrWhiteSpace(modelSetting.Value) ? modelSetting.Value.Trim() : null;
        var temperature = Number(settings, "temperature", LlmRoleOptions.DefaultTemperature, role, problems);
        var timeout = TimeSpan.FromSeconds(Number(settings, "timeout_seconds", LlmRoleOptions.DefaultTimeout.TotalSeconds, role, problems));
        var retries = (int)Number(settings, "max_retries", LlmRoleOptions.DefaultMaxRetries, role, problems);

        Uri? endpoint = null;
        if (settings.TryGetValue("endpoint", out var endpointSetting) && !string.IsNullOrWhiteSpace(endpointSetting.Value)
            && !Uri.TryCreate(endpointSetting.Value.Trim(), UriKind.Absolute, out endpoint))
        {
            problems.Add($"{endpointSetting.Origin}: role {role}: endpoint '{endpointSetting.Value}' is not an absolute URI");
        }

        var apiKeyEnv = settings.TryGetValue("api_key_env", out var keySetting) && !string.IsNullOrWhiteSpace(keySetting.Value) ? keySetting.Value.Trim() : null;
        if (problems.Count > before)
            return null;

        var options = new LlmRoleOptions(provider, model, temperature, endpoint, apiKeyEnv, timeout, retries);
        var invalid = options.Validate().ToList();
        if (invalid.Count == 0)
            return options;
        problems.AddRange(invalid.Select(problem => $"{OriginOf(problem, settings)}: role {role}: {problem}"));
        return null;
    }

    internal static bool TryParseProvider(string value, out LlmProviderKind provider)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "offline" or "none" or "":
                provider = LlmProviderKind.Offline;
                return true;
            case "ollama":
                provider = LlmProviderKind.Ollama;
                return true;
            case "openai-compatible" or "openai":
                provider = LlmProviderKind.OpenAICompatible;
                return true;
            default:
                provider = LlmProviderKind.Offline;
                return false;
        }
    }

    /// <summary>The configuration spelling of a provider.</summary>
    internal static string Name(LlmProviderKind provider) => provider switch
    {
        LlmProviderKind.Ollama => "ollama",
        LlmProviderKind.OpenAICompatible => "openai-compatible",
        _ => "offline",
    };

    /// <summary>The origin of the setting a validation message is about (messages start with the setting's name).</summary>
    private static string OriginOf(string problem, IReadOnlyDictionary<string, LlmSetting> settings)
    {
        foreach (var key in LlmConfigLoader.Keys)
        {
            if (problem.StartsWith(key, StringComparison.Ordinal) && settings.TryGetValue(key, out var setting))
                return setting.Origin;
        }

        return settings.TryGetValue("provider", out var provider) ? provider.Origin : "configuration";
    }

    private static double Number(IReadOnlyDictionary<string, LlmSetting> settings, string key, double fallback, LlmRole role, List<string> problems)
    {
        if (!settings.TryGetValue(key, out var setting) || string.IsNullOrWhiteSpace(setting.Value))
            return fallback;
        if (double.TryParse(setting.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        problems.Add($"{setting.Origin}: role {role}: {key} '{setting.Value}' is not a number");
        return fallback;
    }
}
