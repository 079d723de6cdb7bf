using Persona.Core.Import.Reading;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// Scans the conversations of a ChatGPT export as the reader reaches them and hands each to a
/// <see cref="ChatGptParseWorker"/>, which walks them with <see cref="ChatGptConversationParser"/> in order on a
/// second thread.
/// </summary>
internal sealed class ChatGptItemScanner(ChatGptConversationParser parser, FileImportState state, JsonItemLayout layout) : IJsonItemScanner
{
    private readonly ChatGptParseWorker _worker = new(parser, state);
    private ChatGptConversationScan _scan = new();

    public bool TryScan(ref JsonTokenReader reader) => ChatGptScanner.TryScan(ref reader, _scan);

    public bool TryScan(ref Utf8JsonTokenReader reader) => ChatGptScanner.TryScan(ref reader, _scan);

    public void Complete(ReadOnlyMemory<byte> source, int index, long offset)
    {
        var path = layout == JsonItemLayout.Array ? $"$[{index}]" : $"value[{index}]";
        _scan = _worker.Post(_scan, source, path);
    }

    public void Finish() => _worker.Finish();

    public void Dispose() => _worker.Dispose();
}
