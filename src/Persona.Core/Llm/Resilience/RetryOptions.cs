namespace Persona.Core.Llm.Resilience;

/// <summary>How <see cref="RetryingChatClient"/> times and repeats attempts.</summary>
public sealed class RetryOptions
{
    /// <summary>Further attempts after a transient failure. Default 2.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Limit for one attempt (for a stream: until its first chunk). Default 120 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Wait before the first retry; doubles each time. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one wait. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxRetries is < 0 or > 10)
            problems.Add($"MaxRetries {MaxRetries} is outside 0..10");
        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != Timeout.InfiniteTimeSpan)
            problems.Add("AttemptTimeout must be positive");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
            problems.Add("delays must satisfy 0 <= BaseDelay <= MaxDelay");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid retry options: " + string.Join("; ", problems));
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based): exponential, capped.</summary>
    internal TimeSpan DelayBefore(int retry)
    {
        var factor = Math.Pow(2, retry - 1);
        var ticks = Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
