using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// Reads top-level items straight from <see cref="JsonItemReader"/>'s buffer in one pass, in place of a
/// <see cref="JsonDocument"/> per item (see <see cref="JsonItemReader.ScanAsync"/>).
/// </summary>
internal interface IJsonItemScanner : IDisposable
{
    /// <summary>
    /// Reads the item whose first token <paramref name="reader"/> is on, to its last token. Returns false when
    /// the reader stops first (the data ends, or <see cref="JsonTokenReader"/> does not take what follows); the
    /// item is then scanned again from its start, with more data or with the other reader. Must not throw on
    /// content other than through the reader (malformed JSON).
    /// </summary>
    bool TryScan(ref JsonTokenReader reader);

    /// <inheritdoc cref="TryScan(ref JsonTokenReader)"/>
    bool TryScan(ref Utf8JsonTokenReader reader);

    /// <summary>
    /// Called after <see cref="TryScan(ref JsonTokenReader)"/> succeeded. Offsets the reader reported are relative to the start of
    /// <paramref name="source"/>, which stays valid only during this call.
    /// </summary>
    void Complete(ReadOnlyMemory<byte> source, int index, long offset);

    /// <summary>
    /// Called after the last item: returns when every completed item has been processed (which may happen in the
    /// background until then), and throws what stopped that processing, if anything did. Disposing without
    /// finishing (after an error) waits for the background work to stop and throws nothing.
    /// </summary>
    void Finish();
}
