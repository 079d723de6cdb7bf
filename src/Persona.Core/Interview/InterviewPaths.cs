using System.Text.RegularExpressions;
using Persona.Core.Library;

namespace Persona.Core.Interview;

/// <summary>
/// Where one profile's interview files live: <c>persona/interviews/&lt;id&gt;.json</c>, <c>index.json</c>,
/// <c>interviews/&lt;id&gt;/summary.json</c>, the training copy under <c>memory/training/persona/</c> and the
/// audit log <c>logs/persona-generation.jsonl</c>. Session ids are checked here, so no path built from
/// one leaves the profile.
/// </summary>
public sealed partial record InterviewPaths(ProfilePaths Profile)
{
    public string Folder => Profile.Interviews;

    public string IndexFile => Path.Combine(Folder, "index.json");

    public string AuditLog => Path.Combine(Profile.Logs, "persona-generation.jsonl");

    public string TrainingFolder => Path.Combine(Profile.Memory, "training", "persona");

    public string SessionFile(string sessionId) => Path.Combine(Folder, RequireSessionId(sessionId) + ".json");

    public string SummaryFile(string sessionId) => Path.Combine(Folder, RequireSessionId(sessionId), "summary.json");

    public string TrainingFile(string sessionId) => Path.Combine(TrainingFolder, RequireSessionId(sessionId) + ".json");

    /// <summary>Throws <see cref="InterviewException"/> unless the id has the form sessions are given (<c>iv-…</c>, a safe name).</summary>
    public static string RequireSessionId(string? sessionId)
    {
        if (SafePathSegment.Problem(sessionId) is { } problem)
            throw new InterviewException(InterviewError.Validation, $"Session id '{sessionId}' {problem}.");
        if (!SessionIdPattern().IsMatch(sessionId!))
            throw new InterviewException(InterviewError.Validation, $"Session id '{sessionId}' is not an interview session id (iv-YYYYMMDD-HHMMSS-xxxxxx).");
        return sessionId!;
    }

    [GeneratedRegex("^iv-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$")]
    private static partial Regex SessionIdPattern();
}
