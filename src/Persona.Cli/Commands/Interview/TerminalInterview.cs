using System.Globalization;
using Persona.Core.Interview;

namespace Persona.Cli.Commands.Interview;

/// <summary>
/// One terminal run of the interview: offers to resume an unfinished session, asks question by question
/// (<c>/skip</c>, <c>/pause</c>, <c>/finish</c>), finalizes, shows the review and carries out the choice.
/// Questions and results go to stdout; progress goes to stderr.
/// </summary>
internal sealed class TerminalInterview(InterviewEngine engine, IOperatorInput input, CliContext context, ReviewChoice? preset)
{
    private static readonly string[] ReviewChoices = ["merge", "apply", "discard", "later"];

    public async Task<int> RunAsync(bool resume, CancellationToken cancellationToken)
    {
        InterviewSession session;
        var unfinished = await engine.FindUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        if (unfinished is null && resume && await UndecidedAsync(cancellationToken).ConfigureAwait(false) is { } undecided)
            return await ReviewAsync(undecided, cancellationToken).ConfigureAwait(false);
        if (unfinished is not null)
        {
            var take = resume || await input.ConfirmAsync(
                string.Create(CultureInfo.InvariantCulture, $"Resume unfinished interview {unfinished.SessionId} ({unfinished.AnsweredCount} answered, {unfinished.Status.ToString().ToLowerInvariant()})?"),
                true, cancellationToken).ConfigureAwait(false) is not false;
            if (!take)
            {
                await engine.DiscardAsync(unfinished.SessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"discarded {unfinished.SessionId} (transcript kept)").ConfigureAwait(false);
            }
        }
        else if (resume)
        {
            await context.Error.WriteLineAsync("no unfinished interview; starting a new one").ConfigureAwait(false);
        }

        session = await engine.StartAsync(resumeUnfinished: true, cancellationToken).ConfigureAwait(false);
        await context.Error.WriteLineAsync($"session {session.SessionId} ({(engine.UsesModel ? "model interviewer" : "offline scripted interviewer")})").ConfigureAwait(false);
        if (session.Answers.Count == 0)
            await context.Output.WriteLineAsync(engine.Config.Introduction + Environment.NewLine).ConfigureAwait(false);

        while (session.PendingQuestion is { } question)
        {
            await ShowQuestionAsync(session, question).ConfigureAwait(false);
            var line = await input.ReadAnswerAsync(cancellationToken).ConfigureAwait(false);
            switch (line?.Trim())
            {
                case null or "/pause" or "/quit":
                    await engine.PauseAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
                    await context.Output.WriteLineAsync($"Paused {session.SessionId}. Continue with: persona interview --resume").ConfigureAwait(false);
                    return ExitCodes.Success;
                case "":
                    await context.Error.WriteLineAsync("(type an answer, /skip, /pause or /finish)").ConfigureAwait(false);
                    continue;
                case "/skip":
                    session = (await engine.SkipAsync(session.SessionId, cancellationToken).ConfigureAwait(false)).Session;
                    break;
                case "/finish":
                    return await FinishAsync(session, cancellationToken).ConfigureAwait(false);
                default:
                    session = (await engine.AnswerAsync(session.SessionId, line, cancellationToken).ConfigureAwait(false)).Session;
                    break;
            }
        }

        await context.Error.WriteLineAsync("interview complete: " + session.StopReason).ConfigureAwait(false);
        return await FinishAsync(session, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RunBatchAsync(string answersPath, CancellationToken cancellationToken)
    {
        var script = await AnswerScriptReader.ReadAsync(answersPath, cancellationToken).ConfigureAwait(false);
        foreach (var problem in script.Diagnostics)
            await context.Error.WriteLineAsync("warning: " + problem).ConfigureAwait(false);
        if (script.Answers.Count == 0)
            throw new CliException($"{answersPath}: no usable answers");
        var result = await engine.RunScriptAsync(script, finalize: true, new SynchronousProgress(turn =>
        {
            var answered = turn.Session.Answers[^1];
            var question = turn.Session.Question(answered.QuestionId)!;
            context.Output.WriteLine($"[{question.Id} {question.Category}] {question.Prompt}");
            context.Output.WriteLine(answered.Skipped ? "  (skipped)" : "  " + answered.Content.ReplaceLineEndings(" "));
        }), cancellationToken).ConfigureAwait(false);
        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"session {result.Session.SessionId}: {result.AnswersUsed} answers used, {result.AnswersLeft} not needed")).ConfigureAwait(false);
        if (result.Draft is null)
        {
            await context.Output.WriteLineAsync($"Paused {result.Session.SessionId}: the file ran out of answers. Continue with: persona interview --resume").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        return await ReviewAsync(result.Session.SessionId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> FinishAsync(InterviewSession session, CancellationToken cancellationToken)
    {
        var draft = await engine.FinalizeAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync(Environment.NewLine + draft.Summary).ConfigureAwait(false);
        return await ReviewAsync(session.SessionId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ReviewAsync(string sessionId, CancellationToken cancellationToken)
    {
        var review = await engine.ReviewAsync(sessionId, cancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync(Environment.NewLine + review.ToPlainText()).ConfigureAwait(false);
        var choice = preset;
        if (choice is null)
        {
            var picked = await input.ChooseAsync("What should happen to this draft?", ReviewChoices, cancellationToken).ConfigureAwait(false);
            if (picked is null or "later")
            {
                await context.Output.WriteLineAsync($"Draft kept undecided in {sessionId}. Decide later with: persona interview --resume --merge (or --apply, --discard)").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            choice = Enum.Parse<ReviewChoice>(picked, ignoreCase: true);
        }

        var result = await engine.DecideAsync(sessionId, choice.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var conflict in result.Conflicts)
            await context.Output.WriteLineAsync($"conflict kept current value: {conflict.Path}").ConfigureAwait(false);
        await context.Output.WriteLineAsync(result.CoreVersion is { } version
            ? string.Create(CultureInfo.InvariantCulture, $"{(choice == ReviewChoice.Apply ? "Applied" : "Merged")}: core persona version {version} ({result.FieldsWritten.Count} fields written; revertible in the library).")
            : "Discarded: the core persona is unchanged.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private async Task<string?> UndecidedAsync(CancellationToken cancellationToken)
    {
        var index = await engine.ReadIndexAsync(cancellationToken).ConfigureAwait(false);
        if (index is not { Status: InterviewStatus.Completed })
            return null;
        var session = await engine.LoadAsync(index.LatestSessionId, cancellationToken).ConfigureAwait(false);
        return session.Review is null ? session.SessionId : null;
    }

    private async Task ShowQuestionAsync(InterviewSession session, InterviewQuestion question)
    {
        var coverage = string.Join("  ", session.Coverage.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Title} {Math.Min(1, c.Coverage / c.Target):P0}")));
        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{session.Questions.Count}/{session.QuestionBudget}] {coverage}")).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"[{question.Id} {question.Category}] {question.Prompt}").ConfigureAwait(false);
        await context.Output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Reports on the calling thread, so batch transcript lines print in order.</summary>
    private sealed class SynchronousProgress(Action<InterviewTurn> report) : IProgress<InterviewTurn>
    {
        public void Report(InterviewTurn value) => report(value);
    }
}
