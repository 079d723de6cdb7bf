using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Persona.Core.Llm.Configuration;

/// <summary>
/// Reads the role configuration: the YAML file (default <c>config/llm.yaml</c>), then environment
/// overrides <c>PERSONA_LLM__DEFAULTS__KEY</c> (every role) and <c>PERSONA_LLM__ROLE__KEY</c> (one role,
/// '-' in a role name written '_'). Keys: provider, model, temperature, endpoint, api_key_env,
/// timeout_seconds, max_retries. Every problem is collected and reported once, naming file and line
/// or the variable.
/// </summary>
public static class LlmConfigLoader
{
    /// <summary>Environment variable naming the configuration file.</summary>
    public const string ConfigPathVariable = "PERSONA_LLM_CONFIG";

    /// <summary>Prefix of the override variables.</summary>
    public const string EnvironmentPrefix = "PERSONA_LLM__";

    /// <summary>The default file, relative to the repository root.</summary>
    public const string DefaultRelativePath = "config/llm.yaml";

    internal static readonly string[] Keys = ["provider", "model", "temperature", "endpoint", "api_key_env", "timeout_seconds", "max_retries"];

    /// <summary>
    /// Loads from the process environment: the file named by <see cref="ConfigPathVariable"/>, else the
    /// nearest <c>config/llm.yaml</c> at or above the working directory; no file means every role offline
    /// (unless environment variables configure some).
    /// </summary>
    public static LlmOptions LoadDefault()
    {
        var environment = ProcessEnvironment();
        var path = environment.GetValueOrDefault(ConfigPathVariable);
        if (string.IsNullOrWhiteSpace(path))
            path = FindDefaultFile(Directory.GetCurrentDirectory());
        else if (!File.Exists(path))
            throw new FileNotFoundException($"LLM configuration {path} (from {ConfigPathVariable}) does not exist", path);
        return Load(path, environment);
    }

    /// <summary>Loads <paramref name="path"/> with the process environment's overrides.</summary>
    public static LlmOptions LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"LLM configuration {path} does not exist", path);
        return Load(path, ProcessEnvironment());
    }

    /// <summary>Loads <paramref name="path"/> (null: none) with <paramref name="environment"/> overrides.</summary>
    /// <exception cref="InvalidDataException">The file or an override is invalid; the message lists every problem.</exception>
    public static LlmOptions Load(string? path, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        var defaults = new Dictionary<string, LlmSetting>(StringComparer.Ordinal);
        var roles = new Dictionary<LlmRole, Dictionary<string, LlmSetting>>();
        if (path is not null)
            ReadFile(path, defaults, roles, problems);
        ReadEnvironment(environment, defaults, roles, problems);

        var options = new Dictionary<LlmRole, LlmRoleOptions>();
        foreach (var role in LlmRole.WellKnown.Concat(roles.Keys).Distinct())
        {
            var merged = new Dictionary<string, LlmSetting>(defaults, StringComparer.Ordinal);
            if (roles.TryGetValue(role, out var own))
            {
                foreach (var (key, setting) in own)
                    merged[key] = setting;
            }

            var roleOptions = LlmRoleSettingsParser.Parse(role, merged, problems);
            if (roleOptions is not null)
                options[role] = roleOptions;
        }

        var source = path is null ? "environment" : $"{path} + environment";
        if (problems.Count > 0)
            throw new InvalidDataException($"LLM configuration ({source}) is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        return new LlmOptions(options, source);
    }

    private static Dictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);

    internal static string? FindDefaultFile(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static void ReadFile(string path, Dictionary<string, LlmSetting> defaults, Dictionary<LlmRole, Dictionary<string, LlmSetting>> roles, List<string> problems)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            problems.Add($"{path}:{ex.Start.Line}: {ex.Message}");
            return;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add($"{path}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping with 'defaults' and 'roles'");
            return;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "defaults":
                    ReadSettings(path, valueNode, defaults, problems);
                    break;
                case "roles" when valueNode is YamlMappingNode roleMap:
                    foreach (var (roleKey, roleNode) in roleMap.Children)
                    {
                        var name = ((YamlScalarNode)roleKey).Value;
                        if (string.IsNullOrWhiteSpace(name))
                        {
                            problems.Add($"{path}:{roleKey.Start.Line}: empty role name");
                            continue;
                        }

                        var settings = new Dictionary<string, LlmSetting>(StringComparer.Ordinal);
                        ReadSettings(path, roleNode, settings, problems);
                        roles[new LlmRole(name)] = settings;
                    }

                    break;
                case "roles":
                    problems.Add($"{path}:{valueNode.Start.Line}: 'roles' must be a mapping of role name to settings");
                    break;
                default:
                    problems.Add($"{path}:{keyNode.Start.Line}: unknown key '{key}' (expected 'defaults' or 'roles')");
                    break;
            }
        }
    }

    private static void ReadSettings(string path, YamlNode node, Dictionary<string, LlmSetting> target, List<string> problems)
    {
        if (node is YamlScalarNode { Value: null or "" })
            return;
        if (node is not YamlMappingNode mapping)
        {
            problems.Add($"{path}:{node.Start.Line}: expected a mapping of settings");
            return;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var origin = $"{path}:{keyNode.Start.Line}";
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                problems.Add($"{origin}: unknown setting '{key}' (known: {string.Join(", ", Keys)})");
                continue;
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                problems.Add($"{origin}: '{key}' must be a single value");
                continue;
            }

            target[key] = new LlmSetting(scalar.Value ?? string.Empty, origin);
        }
    }

    private static void ReadEnvironment(IReadOnlyDictionary<string, string?> environment, Dictionary<string, LlmSetting> defaults, Dictionary<LlmRole, Dictionary<string, LlmSetting>> roles, List<string> problems)
    {
        foreach (var (name, value) in environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value is null || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                continue;
            var parts = name[EnvironmentPrefix.Length..].Split("__");
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                problems.Add($"{name}: expected {EnvironmentPrefix}<ROLE or DEFAULTS>__<KEY>");
                continue;
            }

            var key = parts[1].ToLowerInvariant();
            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                problems.Add($"{name}: unknown setting '{key}' (known: {string.Join(", ", Keys)})");
                continue;
            }

            var setting = new LlmSetting(value, name);
            if (string.Equals(parts[0], "DEFAULTS", StringComparison.OrdinalIgnoreCase))
            {
                defaults[key] = setting;
                continue;
            }

            var role = new LlmRole(parts[0].Replace('_', '-'));
            if (!roles.TryGetValue(role, out var settings))
                roles[role] = settings = new Dictionary<string, LlmSetting>(StringComparer.Ordinal);
            settings[key] = setting;
        }
    }
}
