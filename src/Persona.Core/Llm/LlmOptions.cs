namespace Persona.Core.Llm;

/// <summary>The options of every role. Roles not listed run offline.</summary>
public sealed class LlmOptions
{
    private readonly Dictionary<LlmRole, LlmRoleOptions> _roles;

    public LlmOptions(IReadOnlyDictionary<LlmRole, LlmRoleOptions> roles, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        _roles = new Dictionary<LlmRole, LlmRoleOptions>(roles);
        Source = source;
        var problems = _roles
            .SelectMany(pair => pair.Value.Validate().Select(problem => $"role {pair.Key}: {problem}"))
            .ToList();
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid LLM options{(source is null ? "" : " in " + source)}: " + string.Join("; ", problems), nameof(roles));
    }

    /// <summary>Every role offline: the default when no configuration exists.</summary>
    public static LlmOptions AllOffline { get; } = new(new Dictionary<LlmRole, LlmRoleOptions>());

    /// <summary>Where these options were read from (file and environment), for status output.</summary>
    public string? Source { get; }

    /// <summary>The roles listed: the well-known ones first, then any extra configured role.</summary>
    public IEnumerable<LlmRole> Roles =>
        LlmRole.WellKnown.Concat(_roles.Keys.Where(role => !LlmRole.WellKnown.Contains(role)).OrderBy(role => role.Value, StringComparer.Ordinal));

    public LlmRoleOptions For(LlmRole role) => _roles.TryGetValue(role, out var options) ? options : LlmRoleOptions.Offline;
}
