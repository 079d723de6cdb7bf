namespace Persona.Core.Interview;

/// <summary><c>interviews/index.json</c>: the profile's latest session, so a start can offer to resume it.</summary>
public sealed record InterviewIndex(string ProfileId, string LatestSessionId, InterviewStatus Status, DateTimeOffset UpdatedAt);
