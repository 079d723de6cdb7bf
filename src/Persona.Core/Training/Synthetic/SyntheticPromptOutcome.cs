namespace Persona.Core.Training.Synthetic;

/// <summary>What happened to one opener in the synthetic-prompt pass.</summary>
public enum SyntheticPromptOutcome
{
    /// <summary>An earlier run's answer for the same message, model and prompt version was reused.</summary>
    FromCache,

    /// <summary>The model answered validly (possibly after one repair request).</summary>
    Written,

    /// <summary>No usable answer; the generic opener stays.</summary>
    Failed,
}
