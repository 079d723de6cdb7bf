using System.Globalization;
using Persona.Core.Library;

namespace Persona.Core.Interview;

/// <summary>Finalize, review and the apply / merge / discard decision.</summary>
public sealed partial class InterviewEngine
{
    /// <summary>
    /// Closes the transcript and summarizes it into a persona draft (stored in the session and, once, as
    /// <c>interviews/&lt;id&gt;/summary.json</c>); copies the transcript with the analyses to
    /// <c>memory/training/persona/</c>. Finalizing a completed session returns its draft unchanged.
    /// </summary>
    public Task<InterviewDraft> FinalizeAsync(string sessionId, CancellationToken cancellationToken = default) =>
        LockedAsync(async () =>
        {
            var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session is { Status: InterviewStatus.Completed, PersonaDraft: { } existing })
                return existing;
            if (session.Status == InterviewStatus.Aborted)
                throw new InterviewException(InterviewError.InvalidState, $"Session '{sessionId}' was discarded; it cannot be finalized.");
            if (session.AnsweredCount == 0)
                throw new InterviewException(InterviewError.InvalidState, $"Session '{sessionId}' has no answers yet; there is nothing to summarize.");
            if (session.Answers.Count > 0 && !session.Analyses.Exists(a => a.AnswerId == session.Answers[^1].Id))
                await AnalyzeLastAsync(session, cancellationToken).ConfigureAwait(false);

            var draft = await _interviewer.SummarizeAsync(session, Config, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            session.PersonaDraft = draft;
            session.Status = InterviewStatus.Completed;
            session.StopReason ??= "finalized by the operator";
            await WriteSummaryOnceAsync(draft, cancellationToken).ConfigureAwait(false);
            await SaveAsync(session, cancellationToken).ConfigureAwait(false);
            await WriteTrainingCopyAsync(session, cancellationToken).ConfigureAwait(false);
            await AuditAsync(InterviewEvent.Finalized, session, path: draft.Source.Path.ToString().ToLowerInvariant(),
                detail: string.Create(CultureInfo.InvariantCulture, $"{draft.Fields.Count} draft fields from {session.AnsweredCount} answers"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return draft;
        }, cancellationToken);

    /// <summary>The finalized draft beside the current core persona, field by field. Changes nothing.</summary>
    public async Task<InterviewReview> ReviewAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var draft = RequireDraft(session);
        var core = await Library.Core.GetAsync(cancellationToken).ConfigureAwait(false);
        var (_, conflicts) = DraftMerge.Plan(core, draft, ReviewChoice.Merge);
        return new InterviewReview(session.SessionId, core.Version, DraftMerge.Diff(core, draft), conflicts, session.Review);
    }

    /// <summary>
    /// Carries out the operator's explicit choice. Apply and merge write a new core persona version through
    /// the library (revertible there); discard leaves <c>core.json</c> untouched. A draft is decided once.
    /// </summary>
    public Task<InterviewReviewResult> DecideAsync(string sessionId, ReviewChoice choice, string? author = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(choice))
            throw new ArgumentOutOfRangeException(nameof(choice), choice, "unknown review choice");
        return LockedAsync(async () =>
        {
            var session = await LoadAsync(sessionId, cancellationToken).ConfigureAwait(false);
            var draft = RequireDraft(session);
            if (session.Review is { } decided)
                throw new InterviewException(InterviewError.InvalidState, $"The draft of session '{sessionId}' was already decided ({decided.ToString().ToLowerInvariant()}).");

            InterviewReviewResult result;
            if (choice == ReviewChoice.Discard)
            {
                result = new InterviewReviewResult(choice, null, [], []);
            }
            else
            {
                var core = await Library.Core.GetAsync(cancellationToken).ConfigureAwait(false);
                var (fields, conflicts) = DraftMerge.Plan(core, draft, choice);
                var confidences = draft.Fields.Where(f => fields.ContainsKey(f.Path)).Select(f => f.Confidence).ToList();
                var update = new CorePersonaUpdate(
                    fields,
                    CoreFieldSource.Interview,
                    choice == ReviewChoice.Apply ? CoreUpdateMode.Replace : CoreUpdateMode.Merge,
                    confidences.Count == 0 ? null : Math.Round(confidences.Average(), 2));
                var note = $"interview {sessionId}: {choice.ToString().ToLowerInvariant()}"
                    + (conflicts.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {conflicts.Count} conflicts kept current values") : "");
                var written = await Library.Core.ApplyAsync(update, core.Version, author ?? _options.Author, note, cancellationToken).ConfigureAwait(false);
                session.AppliedCoreVersion = written.Version;
                result = new InterviewReviewResult(choice, written.Version, [.. fields.Keys], conflicts);
            }

            session.Review = choice;
            await SaveAsync(session, cancellationToken).ConfigureAwait(false);
            var what = choice switch { ReviewChoice.Apply => InterviewEvent.Applied, ReviewChoice.Merge => InterviewEvent.Merged, _ => InterviewEvent.Discarded };
            await AuditAsync(what, session, detail: result.CoreVersion is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"core version {v}; {result.FieldsWritten.Count} fields; {result.Conflicts.Count} conflicts")
                : "core persona untouched", cancellationToken: cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);
    }

    private static InterviewDraft RequireDraft(InterviewSession session) =>
        session is { Status: InterviewStatus.Completed, PersonaDraft: { } draft }
            ? draft
            : throw new InterviewException(InterviewError.InvalidState, $"Session '{session.SessionId}' is not finalized; finalize it before reviewing.");
}
