using Persona.Core.Import.Reading;

namespace Persona.Core.Import.ChatGpt;

/// <summary>Feeds the conversations of a ChatGPT export to <see cref="ChatGptConversationParser"/> as they are scanned.</summary>
internal sealed class ChatGptItemScanner(ChatGptConversationParser parser, FileImportState state, JsonItemLayout layout) : IJsonItemScanner
{
    private readonly ChatGptConversationScan _scan = new();

    public bool TryScan(ref JsonTokenReader reader) => ChatGptScanner.TryScan(ref reader, _scan);

    public bool TryScan(ref Utf8JsonTokenReader reader) => ChatGptScanner.TryScan(ref reader, _scan);

    public void Complete(ReadOnlyMemory<byte> source, int index, long offset)
    {
        var path = layout == JsonItemLayout.Array ? $"$[{index}]" : $"value[{index}]";
        parser.Parse(_scan, source, path, state);
    }
}
