namespace Persona.Core.Interview;

/// <summary>Batch mode: pre-written answers instead of a person at the keyboard.</summary>
public sealed partial class InterviewEngine
{
    /// <summary>
    /// Starts (or resumes) a session and answers each question from <paramref name="script"/>: an answer tagged
    /// with the question's category first, else the next untagged one. When the interview stops asking it is
    /// finalized (unless <paramref name="finalize"/> is false); when the file runs out first, the session is
    /// paused so a later run (or a person) can resume it.
    /// </summary>
    public async Task<InterviewBatchResult> RunScriptAsync(AnswerScript script, bool finalize = true, IProgress<InterviewTurn>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var session = await StartAsync(resumeUnfinished: true, cancellationToken).ConfigureAwait(false);
        var unused = script.Answers.ToList();
        var used = 0;
        while (session.PendingQuestion is { } question)
        {
            var index = unused.FindIndex(a => a.Category == question.Category);
            if (index < 0)
                index = unused.FindIndex(a => a.Category is null);
            if (index < 0)
            {
                session = await PauseAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
                return new InterviewBatchResult(session, used, unused.Count, null);
            }

            var answer = unused[index];
            unused.RemoveAt(index);
            used++;
            var turn = answer.Skip
                ? await SkipAsync(session.SessionId, cancellationToken).ConfigureAwait(false)
                : await AnswerAsync(session.SessionId, answer.Text, cancellationToken).ConfigureAwait(false);
            progress?.Report(turn);
            session = turn.Session;
        }

        var draft = finalize ? await FinalizeAsync(session.SessionId, cancellationToken).ConfigureAwait(false) : null;
        if (draft is not null)
            session = await LoadAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        return new InterviewBatchResult(session, used, unused.Count, draft);
    }
}
