using Persona.Core.Import.Output;
using Persona.Core.Import.Reading;
using Persona.Core.Pipeline;

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
    /// Reads the inputs without writing anything. A file that cannot be read as a whole (not JSON,
    /// truncated, unknown format) contributes nothing and carries an error in its report.
    /// </summary>
    public async Task<ImportReadResult> ReadAsync(
        IEnumerable<string> inputs,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var sources = ResolveSources(inputs);
        var files = new List<ImportFileReport>();
        var conversations = new Dictionary<(ExportFormat, string), ImportedConversation>();
        var selfDescriptions = new List<SelfDescription>();
        var duplicates = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var state = new FileImportState(source.Name, _options);
            var fileIndex = i;
            void Report(long bytes, bool done) => progress?.Report(new ImportProgress(
                source.Name, fileIndex, sources.Count, bytes, source.Length, state.Conversations.Count, state.MessageCount, done));
            ExportFormat? format = null;
            string? error = null;
            try
            {
                Report(0, false);
                format = await ExportFileReader.ReadAsync(source, state, Report, cancellationToken).ConfigureAwait(false);
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
            if (error is not null)
                continue;
            selfDescriptions.AddRange(state.SelfDescriptions);
            foreach (var conversation in state.Conversations)
            {
                var key = (conversation.Format, conversation.Id);
                if (conversations.TryGetValue(key, out var seen))
                {
                    duplicates++;
                    if (!IsNewer(conversation, seen))
                        continue;
                }

                conversations[key] = conversation;
            }
        }

        return new ImportReadResult(
            files,
            conversations.Values.Where(c => c.Messages.Count > 0).ToList(),
            SelfDescriptionFile.Merge([], selfDescriptions),
            duplicates);
    }

    /// <summary>
    /// Reads the inputs, merges them with the earlier import in <paramref name="paths"/> and writes the
    /// outputs. When any input fails, nothing is written and the report says why.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        IEnumerable<string> inputs,
        PipelinePaths paths,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var read = await ReadAsync(inputs, progress, cancellationToken).ConfigureAwait(false);
        var report = new ImportReport
        {
            ImportedAt = _time.GetUtcNow(),
            Branches = _options.Branches,
            Files = read.Files,
            Conversations = read.Conversations.Count,
            Messages = read.Conversations.Sum(c => c.Messages.Count),
            DuplicateConversations = read.DuplicateConversations,
        };
        if (read.Files.Any(f => f.Error is not null))
            return report;

        var existing = File.Exists(paths.AllMessages)
            ? await AllMessagesDataset.ReadAsync(paths.AllMessages, cancellationToken).ConfigureAwait(false)
            : [];
        var merge = ImportMerge.Merge(existing, read.Conversations);
        var selfDescriptions = SelfDescriptionFile.Merge(
            await SelfDescriptionFile.ReadAsync(paths.SelfDescription, cancellationToken).ConfigureAwait(false),
            read.SelfDescriptions);

        await AllMessagesDataset.WriteAsync(paths.AllMessages, merge.Rows, cancellationToken).ConfigureAwait(false);
        await SelfDescriptionFile.WriteAsync(paths.SelfDescription, selfDescriptions, cancellationToken).ConfigureAwait(false);
        report = report with
        {
            TotalMessages = merge.Rows.Count,
            TotalSelfDescriptions = selfDescriptions.Count,
            Changes = merge.Changes,
        };
        await ImportReportFile.WriteAsync(paths.ImportReport, report, cancellationToken).ConfigureAwait(false);
        return report;
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
    private static bool IsNewer(ImportedConversation candidate, ImportedConversation current) =>
        (candidate.UpdatedAt, current.UpdatedAt) switch
        {
            ({ } a, { } b) when a != b => a > b,
            ({ }, null) => true,
            (null, { }) => false,
            _ => candidate.Messages.Count >= current.Messages.Count,
        };
}
