using System.Diagnostics;
using System.Text.Json;
using Persona.Core.Import.ChatGpt;
using Persona.Core.Import.Claude;
using Persona.Core.Import.FineTune;
using Persona.Core.Import.ShareGpt;

namespace Persona.Core.Import.Reading;

/// <summary>
/// Reads one input file item by item: detects its format from the first recognisable item, hands each
/// conversation to that format's parser, and reports progress. Content problems become diagnostics;
/// a file that is not JSON, is truncated, or has an unknown shape throws <see cref="ImportInputException"/>.
/// </summary>
internal static class ExportFileReader
{
    /// <summary>Items looked at before giving up on recognising the format.</summary>
    private const int SniffLimit = 8;

    private static readonly Dictionary<ExportFormat, IConversationParser> Parsers = new IConversationParser[]
    {
        new ChatGptConversationParser(),
        new ClaudeConversationParser(),
        new ShareGptConversationParser(),
        new FineTuneJsonlParser(),
    }.ToDictionary(p => p.Format);

    public static async Task<ExportFormat?> ReadAsync(
        ImportSource source,
        FileImportState state,
        Action<long, bool>? progress,
        CancellationToken cancellationToken)
    {
        await using var stream = source.Open();
        using var reader = new JsonItemReader(stream, source.Name);
        IConversationParser? parser = null;
        var wrapped = false;
        var pending = new List<(JsonElement Element, string Path)>();
        var clock = Stopwatch.StartNew();
        ChatGptItemScanner? scanner = null;
        try
        {
            while (true)
            {
                if (scanner is not null)
                {
                    // Format known and scannable: one pass over the buffer per conversation, no document.
                    if (!await reader.ScanAsync(scanner, cancellationToken).ConfigureAwait(false))
                        break;
                    Report(reader, progress, clock);
                    continue;
                }

                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } item)
                    break;
                var path = reader.Layout == JsonItemLayout.Array ? $"$[{item.Index}]" : $"value[{item.Index}]";
                if (parser is null)
                {
                    var shape = ExportFormatSniffer.Detect(item.Element);
                    if (shape.Unsupported is { } name)
                    {
                        throw new ImportInputException(
                            $"{source.Name}: this is a {name} export (item at byte {item.Offset}), which is not supported; expected {ExportFormatSniffer.Expected}",
                            unrecognised: true);
                    }

                    if (shape.Format is not { } format)
                    {
                        if (pending.Count >= SniffLimit)
                            throw Unknown(source.Name, pending[0].Element);
                        pending.Add((item.Element.Clone(), path));
                        continue;
                    }

                    parser = Parsers[format];
                    wrapped = shape.Wrapped;
                    foreach (var (element, pendingPath) in pending)
                        ParseOne(parser, element, pendingPath, state);
                    pending.Clear();
                    if (parser is ChatGptConversationParser chatGpt && !wrapped)
                        scanner = new ChatGptItemScanner(chatGpt, state, reader.Layout);
                }

                if (wrapped && item.Element.Arr("conversations") is { } inner)
                {
                    var i = 0;
                    foreach (var conversation in inner.EnumerateArray())
                        ParseOne(parser, conversation, $"{path}.conversations[{i++}]", state);
                }
                else
                {
                    ParseOne(parser, item.Element, path, state);
                }

                Report(reader, progress, clock);
            }

            // Conversations may still be walked in the background: the file's state is complete after this.
            scanner?.Finish();
        }
        finally
        {
            scanner?.Dispose();
        }

        if (parser is null && pending.Count > 0)
            throw Unknown(source.Name, pending[0].Element);
        if (parser is null)
            state.Diagnose(null, reader.Layout == JsonItemLayout.Array ? "$" : "value[0]", "the file holds no conversations");
        progress?.Invoke(reader.BytesRead, true);
        return parser?.Format;
    }

    private static void Report(JsonItemReader reader, Action<long, bool>? progress, Stopwatch clock)
    {
        if (clock.ElapsedMilliseconds < 100)
            return;
        progress?.Invoke(reader.BytesRead, false);
        clock.Restart();
    }

    private static void ParseOne(IConversationParser parser, JsonElement conversation, string path, FileImportState state)
    {
        try
        {
            parser.Parse(conversation, path, state);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // Invalid UTF-8 inside a string and similar damage surface only when the value is read.
            state.Diagnose(null, path, $"conversation could not be read ({ex.Message}); skipped");
            state.Skip(SkipReason.BrokenConversation);
        }
    }

    private static ImportInputException Unknown(string name, JsonElement first) =>
        new($"{name}: unrecognised export format: expected {ExportFormatSniffer.Expected}; the first item is {Describe(first)}", unrecognised: true);

    private static string Describe(JsonElement element) => element.ValueKind == JsonValueKind.Object
        ? "an object with keys: " + element.Keys()
        : "a JSON " + element.ValueKind.ToString().ToLowerInvariant();
}
