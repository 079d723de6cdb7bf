namespace Persona.Core.Interview;

/// <summary>What the planner decided after an answer.</summary>
public enum PlannerAction
{
    /// <summary>Ask a reflective follow-up on the same thread.</summary>
    FollowUp,

    /// <summary>Move to the least-covered category.</summary>
    NextCategory,

    /// <summary>Every category reached its target, or the question budget is spent.</summary>
    Stop,
}
