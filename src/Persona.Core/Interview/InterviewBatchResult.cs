namespace Persona.Core.Interview;

/// <summary>What a batch run from an answers file did.</summary>
/// <param name="Session">The session as saved.</param>
/// <param name="AnswersUsed">Answers (and skips) taken from the file.</param>
/// <param name="AnswersLeft">Answers the interview did not need.</param>
/// <param name="Draft">The persona draft when the interview finished and was finalized; null when it paused for want of answers.</param>
public sealed record InterviewBatchResult(InterviewSession Session, int AnswersUsed, int AnswersLeft, InterviewDraft? Draft);
