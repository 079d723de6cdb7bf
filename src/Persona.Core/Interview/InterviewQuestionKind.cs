namespace Persona.Core.Interview;

/// <summary>How a question came about.</summary>
public enum InterviewQuestionKind
{
    /// <summary>An opening question for a category, taken from the configuration.</summary>
    Seed,

    /// <summary>A reflective follow-up on the previous answer's own thread.</summary>
    FollowUp,
}
