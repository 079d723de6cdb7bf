using System.Globalization;

namespace Persona.Core.Interview;

/// <summary>Start, answer, skip, pause, resume, discard.</summary>
public sealed partial class InterviewEngine
{
    /// <summary>
    /// Resumes the profile's unfinished session (when <paramref name="resumeUnfinished"/>), completing a turn a
    /// killed process left half done; otherwise starts a new session and asks its first question.
    /// </summary>
    public Task<InterviewSession> StartAsync(bool resumeUnfinished = true, CancellationToken cancellationToken = default) =>
        LockedAsync(async () =>
        {
            if (resumeUnfinished && await FindUnfinishedAsync(cancellationToken).ConfigureAwait(false) is { } unfinished)
                return await ResumeCoreAsync(unfinished, cancellationToken).ConfigureAwait(false);

            var now = _time.GetUtcNow();
            var session = new InterviewSession
            {
                SessionId = NewSessionId(),
                ProfileId = _options.ProfileId,
                Status = InterviewStatus.Active,
                CreatedAt = now,
                UpdatedAt = now,
                Seed = _ids.Next(),
                ConfigSource = Config.Source,
                QuestionBudget = Config.QuestionBudget,
            };
            await SaveAsync(session, cancellationToken).ConfigureAwait(false);
            await AuditAsync(InterviewEvent.SessionStarted, session, path: UsesModel ? "model" : "offline", detail: "config " + Path.GetFileName(Config.Source), cancellationToken: cancellationToken).ConfigureAwait(false);
            await AskNextAsync(session, cancellationToken).ConfigureAwait(false);
            return session;
        }, cancellationToken);

    /// <summary>Records <paramref name="answer"/> for the pending question, analyses it and asks the next question (or stops).</summary>
    public Task<InterviewTurn> AnswerAsync(string sessionId, string answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (string.IsNullOrWhiteSpace(answer))
            throw new InterviewException(InterviewError.Validation, "An answer must not be empty; skip the question instead.");
        return LockedAsync(() => TurnAsync(sessionId, answer.Trim(), skipped: false, cancellationToken), cancellationToken);
    }

    /// <summary>Skips the pending question: recorded, never pressed; the planner moves on.</summary>
    public Task<InterviewTurn> SkipAsync(string sessionId, CancellationToken cancellationToken = default) =>
        LockedAsync(() => TurnAsync(sessionId, "", skipped: true, cancellationToken), cancellationToken);

    public Task<InterviewSession> PauseAsync(string sessionId, CancellationToken cancellationToken = default) =>
        LockedAsync(async () =>
        {
            var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
            Require(session, InterviewStatus.Active, "pause");
            session.Status = InterviewStatus.Paused;
            await SaveAsync(session, cancellationToken).ConfigureAwait(false);
            await AuditAsync(InterviewEvent.Paused, session, session.PendingQuestion, cancellationToken: cancellationToken).ConfigureAwait(false);
            return session;
        }, cancellationToken);

    /// <summary>Continues a paused (or interrupted active) session with its pending question.</summary>
    public Task<InterviewSession> ResumeAsync(string sessionId, CancellationToken cancellationToken = default) =>
        LockedAsync(async () =>
        {
            var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session.Status is not (InterviewStatus.Paused or InterviewStatus.Active))
                throw new InterviewException(InterviewError.InvalidState, $"Session '{sessionId}' is {Lower(session.Status)}; only a paused or active session can be resumed.");
            return await ResumeCoreAsync(session, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Marks the session aborted (its draft, if any, is never applied); optionally deletes its transcript and summary.</summary>
    public Task<InterviewSession> DiscardAsync(string sessionId, bool deleteTranscript = false, CancellationToken cancellationToken = default) =>
        LockedAsync(async () =>
        {
            var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session.Status == InterviewStatus.Aborted && !deleteTranscript)
                return session;
            if (session.Review is ReviewChoice.Apply or ReviewChoice.Merge)
                throw new InterviewException(InterviewError.InvalidState, $"Session '{sessionId}' was already {(session.Review == ReviewChoice.Apply ? "applied" : "merged")} into core persona version {session.AppliedCoreVersion}; revert that version in the library instead.");
            session.Status = InterviewStatus.Aborted;
            await SaveAsync(session, cancellationToken).ConfigureAwait(false);
            await AuditAsync(InterviewEvent.Aborted, session, detail: deleteTranscript ? "transcript deleted" : "transcript kept", cancellationToken: cancellationToken).ConfigureAwait(false);
            if (deleteTranscript)
            {
                File.Delete(Paths.SessionFile(sessionId));
                var summaryFolder = Path.GetDirectoryName(Paths.SummaryFile(sessionId))!;
                if (Directory.Exists(summaryFolder))
                    Directory.Delete(summaryFolder, recursive: true);
                if (File.Exists(Paths.TrainingFile(sessionId)))
                    File.Delete(Paths.TrainingFile(sessionId));
            }

            return session;
        }, cancellationToken);

    private async Task<InterviewSession> ResumeCoreAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        var wasPaused = session.Status == InterviewStatus.Paused;
        session.Status = InterviewStatus.Active;
        await SaveAsync(session, cancellationToken).ConfigureAwait(false);
        await AuditAsync(InterviewEvent.Resumed, session, session.PendingQuestion, detail: wasPaused ? "after pause" : "after interruption", cancellationToken: cancellationToken).ConfigureAwait(false);

        // A process killed after saving an answer but before analysing it or asking the next question
        // left the turn half done: finish it now, exactly as the uninterrupted run would have.
        if (session.Answers.Count > 0 && !session.Analyses.Exists(a => a.AnswerId == session.Answers[^1].Id))
            await AnalyzeLastAsync(session, cancellationToken).ConfigureAwait(false);
        if (session.PendingQuestion is null && session.StopReason is null)
            await AskNextAsync(session, cancellationToken).ConfigureAwait(false);
        return session;
    }

    private async Task<InterviewTurn> TurnAsync(string sessionId, string content, bool skipped, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
        Require(session, InterviewStatus.Active, skipped ? "skip a question of" : "answer");
        var question = session.PendingQuestion
            ?? throw new InterviewException(InterviewError.InvalidState, $"Session '{sessionId}' has no pending question ({session.StopReason ?? "resume it first"}); finalize it.");

        var answer = new InterviewAnswer(
            string.Create(CultureInfo.InvariantCulture, $"a{session.Answers.Count + 1:D3}"), question.Id, content, _time.GetUtcNow(), skipped);
        session.Answers.Add(answer);
        await SaveAsync(session, cancellationToken).ConfigureAwait(false); // the answer is safe before any model call
        await AuditAsync(skipped ? InterviewEvent.QuestionSkipped : InterviewEvent.AnswerRecorded, session, question, cancellationToken: cancellationToken).ConfigureAwait(false);

        var analysis = await AnalyzeLastAsync(session, cancellationToken).ConfigureAwait(false);
        var decision = await AskNextAsync(session, cancellationToken).ConfigureAwait(false);
        return new InterviewTurn(session, analysis, decision, session.PendingQuestion);
    }

    private async Task<AnswerAnalysis> AnalyzeLastAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        var answer = session.Answers[^1];
        var question = session.Question(answer.QuestionId)!;
        var analysis = await _interviewer.AnalyzeAsync(session, Config, question, answer, cancellationToken).ConfigureAwait(false);
        session.Analyses.Add(analysis);
        return analysis;
    }

    private async Task<PlannerDecision> AskNextAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        var decision = InterviewPlanner.Decide(session, Config);
        if (decision.Action == PlannerAction.Stop)
        {
            session.StopReason = decision.Reason;
            await SaveAsync(session, cancellationToken).ConfigureAwait(false);
            await AuditAsync(InterviewEvent.Stopped, session, detail: decision.Reason, cancellationToken: cancellationToken).ConfigureAwait(false);
            return decision;
        }

        var (prompt, source) = await _interviewer.WriteQuestionAsync(session, Config, decision, cancellationToken).ConfigureAwait(false);
        var question = new InterviewQuestion(
            string.Create(CultureInfo.InvariantCulture, $"q{session.Questions.Count + 1:D3}"),
            prompt,
            decision.Category!,
            decision.Action == PlannerAction.FollowUp ? InterviewQuestionKind.FollowUp : InterviewQuestionKind.Seed,
            _time.GetUtcNow(),
            decision.FollowsAnswerId,
            source);
        session.Questions.Add(question);
        await SaveAsync(session, cancellationToken).ConfigureAwait(false);
        await AuditAsync(InterviewEvent.QuestionAsked, session, question, Lower(source.Path), decision.Reason, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    private static void Require(InterviewSession session, InterviewStatus status, string what)
    {
        if (session.Status != status)
        {
            var hint = session.Status == InterviewStatus.Paused ? "; resume it first" : "";
            throw new InterviewException(InterviewError.InvalidState, $"Cannot {what} session '{session.SessionId}': it is {Lower(session.Status)}{hint}.");
        }
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
