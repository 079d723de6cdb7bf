namespace Persona.Core.Training;

/// <summary>What an example's user turn is.</summary>
public enum ContextKind
{
    /// <summary>The assistant message the person answered (bounded).</summary>
    AssistantReply,

    /// <summary>No preceding message existed: a fixed generic opener stands in for it.</summary>
    GenericOpener,

    /// <summary>The interviewer's question the person answered.</summary>
    InterviewQuestion,

    /// <summary>Written by the responder model for an opening message; the example is marked synthetic.</summary>
    SyntheticPrompt,
}
