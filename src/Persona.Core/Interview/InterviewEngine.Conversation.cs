namespace Persona.Core.Interview;

/// <summary>The question-by-question loop for a person answering through a prompt (notebook input cells).</summary>
public sealed partial class InterviewEngine
{
    /// <summary>Typed to skip the pending question.</summary>
    public const string SkipCommand = "/skip";

    /// <summary>Typed to pause; the next start resumes with the same question.</summary>
    public const string PauseCommand = "/pause";

    /// <summary>Typed to stop asking and go to the draft early.</summary>
    public const string FinishCommand = "/finish";

    /// <summary>
    /// Starts or resumes the profile's session and asks each pending question through <paramref name="ask"/>
    /// until the interview stops asking. A reply of <see cref="SkipCommand"/> skips, <see cref="PauseCommand"/>
    /// or null (no more input) pauses, <see cref="FinishCommand"/> stops early; an empty reply asks again.
    /// Returns the session as saved; finalize it when <see cref="InterviewSession.Status"/> is not paused.
    /// </summary>
    public async Task<InterviewSession> RunConversationAsync(Func<InterviewSession, InterviewQuestion, Task<string?>> ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var session = await StartAsync(resumeUnfinished: true, cancellationToken).ConfigureAwait(false);
        while (session.PendingQuestion is { } question)
        {
            var reply = (await ask(session, question).ConfigureAwait(false))?.Trim();
            switch (reply)
            {
                case null or PauseCommand:
                    return await PauseAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
                case FinishCommand:
                    return session;
                case "":
                    continue;
                case SkipCommand:
                    session = (await SkipAsync(session.SessionId, cancellationToken).ConfigureAwait(false)).Session;
                    break;
                default:
                    session = (await AnswerAsync(session.SessionId, reply, cancellationToken).ConfigureAwait(false)).Session;
                    break;
            }
        }

        return session;
    }
}
