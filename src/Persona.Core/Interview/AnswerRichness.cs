namespace Persona.Core.Interview;

/// <summary>How much an answer says, as the interviewer judged it.</summary>
public enum AnswerRichness
{
    /// <summary>No answer: the operator skipped the question.</summary>
    Skipped,

    /// <summary>A few words only.</summary>
    Brief,

    /// <summary>Hedged or unspecific ("stuff", "I guess", "not sure").</summary>
    Vague,

    /// <summary>A clear answer of ordinary length.</summary>
    Adequate,

    /// <summary>A long answer with several distinct threads worth reflecting.</summary>
    Rich,
}
