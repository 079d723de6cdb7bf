namespace Persona.Core.Training;

/// <summary>One answered question of a completed interview transcript.</summary>
public sealed record InterviewExchange(string SessionId, string AnswerId, string Question, string Answer);
