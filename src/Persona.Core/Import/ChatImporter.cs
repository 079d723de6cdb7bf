using Persona.Core.Import.Output;
using Persona.Core.Import.Reading;
using Persona.Core.Pipeline;
using Persona.Core.Storage;

namespace Persona.Core.Import;

/// <summary>
/// Imports chat-history exports: reads every input (files, folders, zip archives; format detected by
/// content), keeps the person's own messages with the assistant text they answered, merges them with
/// what an earlier import left in the output folder, and writes <c>extracted/all_messages.parquet</c>,
/// <c>extracted/self_description.jsonl</c> and <c>extracted/import_report.json</c> atomically.
/// </summary>
public sealed class ChatImporter
{
    private readonly ImportOptions _options;
    private readonly TimeProvider _time;

    public ChatImporter(ImportOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new ImportOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Reads the inputs without writing anything, holding every conversation in memory (for notebooks and
    /// small exports). A file that cannot be read as a whole (not JSON, truncated, unknown format)
    /// contributes nothing and carries an error in its report.
    /// </summary>
    public async Task<ImportReadResult> ReadAsync(
        IEnumerable<string> inputs,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var conversations = new Dictionary<(ExportFormat, string), ImportedConversation>();
        var duplicates = 0;
        var (files, selfDescriptions) = await ReadFilesAsync(ResolveSources(inputs), null, (state, error) =>
        {
            if (error is not null)
                return;
            foreach (var conversation in state.Conversations)
            {
                var key = (conversation.Format, conversation.Id);
                if (conversations.TryGetValue(key, out var seen))
                {
                    duplicates++;
                    if (!IsNewer(conversation.UpdatedAt, conversation.Messages.Count, seen.UpdatedAt, seen.Messages.Count))
                        continue;
                }

                conversations[key] = conversation;
            }
        }, progress, cancellationToken).ConfigureAwait(false);

        return new ImportReadResult(files, [.. conversations.Values.Where(c => c.Messages.Count > 0)], selfDescriptions, duplicates);
    }

    /// <summary>
    /// Reads the inputs, merges them with the earlier import in <paramref name="paths"/> and writes the
    /// outputs. Conversations are spilled to a temporary file as they are read, so memory stays small
    /// for large exports. When any input fails, nothing is written and the report says why.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        IEnumerable<string> inputs,
        PipelinePaths paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(paths);
        var sources = ResolveSources(inputs);
        using var spill = new ConversationSpill();
        var index = new Dictionary<(ExportFormat, string), SpilledConversation>();
        var duplicates = 0;
        var (files, selfDescriptions) = await ReadFilesAsync(sources, conversation =>
        {
            if (conversation.Messages.Count == 0)
                return;
            var key = (conversation.Format, conversation.Id);
            if (index.TryGetValue(key, out var seen))
            {
                duplicates++;
                if (!IsNewer(conversation.UpdatedAt, conversation.Messages.Count, seen.UpdatedAt, seen.Count))
                    return;
            }

            index[key] = spill.Add(conversation);
        }, null, progress, cancellationToken).ConfigureAwait(false);

        var report = new ImportReport
        {
            ImportedAt = _time.GetUtcNow(),
            Branches = _options.Branches,
            Files = files,
            Conversations = index.Count,
            Messages = index.Values.Sum(c => c.Count),
            DuplicateConversations = duplicates,
        };
        if (files.Any(f => f.Error is not null))
            return report;

        var plan = await AllMessagesMerge.PlanAsync(paths.AllMessages, index.Values, cancellationToken).ConfigureAwait(false);

        // The self-description lines and (for a streamed merge) the report do not depend on writing the rows: they are
        // made on another thread meanwhile, which also compiles their serialization code there. Files are written
        // in the same order as ever: rows, self-description, report.
        var outputs = Task.Run(() => PrepareOutputsAsync(paths, report, plan, selfDescriptions, cancellationToken), cancellationToken);
        (ImportChanges Changes, int Rows) written;
        try
        {
            written = await AllMessagesMerge.WriteAsync(paths.AllMessages, spill, plan, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing of the prepared outputs is written; only wait for that thread to stop.
            await ((Task)outputs).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var prepared = await outputs.ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(paths.SelfDescription, prepared.SelfDescriptionLines, cancellationToken).ConfigureAwait(false);
        var planned = prepared.Report;
        report = report with { TotalMessages = written.Rows, TotalSelfDescriptions = prepared.SelfDescriptions, Changes = written.Changes };
        var json = planned.Json is not null && planned.Report == report ? planned.Json : ImportReportFile.ToJson(report);
        await AtomicFile.WriteAllTextAsync(paths.ImportReport, json, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// The self-description file merged with this run's entries, and the report as it will read when the rows are
    /// written as planned (no JSON when only writing tells the totals).
    /// </summary>
    private static async Task<PreparedOutputs> PrepareOutputsAsync(
        PipelinePaths paths,
        ImportReport report,
        AllMessagesMergePlan plan,
        List<SelfDescription> selfDescriptions,
        CancellationToken cancellationToken)
    {
        var merged = SelfDescriptionFile.Merge(
            await SelfDescriptionFile.ReadAsync(paths.SelfDescription, cancellationToken).ConfigureAwait(false),
            selfDescriptions);
        var lines = SelfDescriptionFile.ToJsonLines(merged);
        if (plan.Rows is not { } rows)
            return new PreparedOutputs(merged.Count, lines, new PlannedReport(report, null));
        var planned = report with { TotalMessages = rows, TotalSelfDescriptions = merged.Count, Changes = plan.Changes };
        return new PreparedOutputs(merged.Count, lines, new PlannedReport(planned, ImportReportFile.ToJson(planned)));
    }

    /// <summary>Reads every source; conversations go to <paramref name="sink"/> as they are read, or stay in each file's state.</summary>
    private async Task<(List<ImportFileReport> Files, List<SelfDescription> SelfDescriptions)> ReadFilesAsync(
        IReadOnlyList<ImportSource> sources,
        Action<ImportedConversation>? sink,
        Action<FileImportState, string?>? fileDone,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var files = new List<ImportFileReport>();
        var selfDescriptions = new List<SelfDescription>();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var state = new FileImportState(source.Name, _options, sink);
            var fileIndex = i;
            void Report(long bytes, bool done) => progress?.Report(new ImportProgress(
                source.Name, fileIndex, sources.Count, bytes, source.Length, state.ConversationCount, state.MessageCount, done));
            ExportFormat? format = null;
            string? error = null;
            try
            {
                Report(0, false);
                format = await ExportFileReader.ReadAsync(source, state, Report, cancellationToken).ConfigureAwait(false);
            }
            catch (ImportInputException ex) when (source.Probe && ex.Unrecognised)
            {
                // A folder or zip member that is not a chat export (user.json, a labels file, …).
                state = new FileImportState(source.Name, _options);
                state.Diagnose(null, "$", "not a chat export; ignored (" + ex.Message[(source.Name.Length + 2)..] + ")");
            }
            catch (ImportInputException ex)
            {
                error = ex.Message;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                error = $"{source.Name}: could not be read: {ex.Message}";
            }

            files.Add(state.ToReport(format, error));
            fileDone?.Invoke(state, error);
            if (error is null)
                selfDescriptions.AddRange(state.SelfDescriptions);
        }

        return (files, SelfDescriptionFile.Merge([], selfDescriptions));
    }

    private static IReadOnlyList<ImportSource> ResolveSources(IEnumerable<string> inputs)
    {
        try
        {
            return ImportSourceResolver.Resolve(inputs);
        }
        catch (ImportInputException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>The later export of a conversation wins; on equal times, the one with more messages.</summary>
    private static bool IsNewer(DateTimeOffset? candidate, int candidateCount, DateTimeOffset? current, int currentCount) =>
        (candidate, current) switch
        {
            ({ } a, { } b) when a != b => a > b,
            ({ }, null) => true,
            (null, { }) => false,
            _ => candidateCount >= currentCount,
        };
}
