using System.Text.Json;

namespace Persona.Core.Import.Reading;

/// <summary>
/// Streams the top-level items of a JSON export one at a time: the elements of a top-level array,
/// or each value of a JSON Lines / single-object file. Only the current item is parsed into a
/// <see cref="JsonDocument"/>; the buffer holds about a megabyte, or up to one and a half times the largest item, so
/// memory does not grow with the file. Malformed or truncated JSON throws
/// <see cref="ImportInputException"/> naming the byte offset.
/// </summary>
internal sealed class JsonItemReader : IDisposable
{
    private const int InitialBufferSize = 1 << 20;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        MaxDepth = 256,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 256,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Stream _stream;
    private readonly string _name;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _bomChecked;
    private JsonReaderState _state = new(ReaderOptions);
    private JsonReaderState _afterItem;
    private State _position = State.BeforeStart;
    private JsonDocument? _current;
    private IJsonItemScanner? _scanner;
    private int _index;

    public JsonItemReader(Stream stream, string name, int initialBufferSize = InitialBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialBufferSize, 16);
        _stream = stream;
        _name = name;
        _buffer = new byte[initialBufferSize];
    }

    private enum State
    {
        BeforeStart,
        InArray,
        AfterArray,
        Values,
        Done,
    }

    private enum Step
    {
        Item,
        Continue,
        NeedMore,
        End,
    }

    /// <summary>How items are laid out; known after the first call to <see cref="ReadAsync"/>.</summary>
    public JsonItemLayout Layout { get; private set; }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead => _bufferOffset + _end;

    /// <summary>The next item, or null at the end. The previous item's element becomes invalid.</summary>
    public async ValueTask<JsonItem?> ReadAsync(CancellationToken cancellationToken = default)
    {
        _current?.Dispose();
        _current = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = TryStep(out var item);
            switch (step)
            {
                case Step.Item:
                    return item;
                case Step.End:
                    return null;
                case Step.NeedMore:
                    if (_eof)
                        throw Truncated();
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads the next item with <paramref name="scanner"/> in a single pass over the buffer, building no document;
    /// false at the end. Malformed JSON throws <see cref="ImportInputException"/> naming the byte offset, as
    /// <see cref="ReadAsync"/> does.
    /// </summary>
    public async ValueTask<bool> ScanAsync(IJsonItemScanner scanner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        _current?.Dispose();
        _current = null;
        _scanner = scanner;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (TryStep(out _))
                {
                    case Step.Item:
                        return true;
                    case Step.End:
                        return false;
                    case Step.NeedMore:
                        if (_eof)
                            throw Truncated();
                        await FillAsync(cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            _scanner = null;
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }

    private Step TryStep(out JsonItem item)
    {
        item = default;
        if (_position == State.Done)
            return Step.End;

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        try
        {
            return _position switch
            {
                State.BeforeStart => StepBeforeStart(ref reader),
                State.InArray or State.Values => StepItem(ref reader, out item),
                State.AfterArray => StepAfterArray(ref reader),
                _ => Step.End,
            };
        }
        catch (JsonException ex)
        {
            var at = _bufferOffset + _start + reader.BytesConsumed;
            var hint = _eof ? $" (file ends at byte {_bufferOffset + _end}; truncated?)" : string.Empty;
            throw new ImportInputException($"{_name}: not valid JSON near byte {at}{hint}: {FirstSentence(ex.Message)}", ex);
        }
    }

    private Step StepBeforeStart(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            if (!_eof)
                return Step.NeedMore;
            throw new ImportInputException($"{_name}: the file is empty (expected a JSON array of conversations or JSON Lines)");
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                Commit(ref reader);
                _position = State.InArray;
                Layout = JsonItemLayout.Array;
                _afterItem = StateAfterObject("[{}"u8);
                return Step.Continue;
            case JsonTokenType.StartObject:
                // Re-read this object as the first item: nothing is committed.
                _position = State.Values;
                Layout = JsonItemLayout.Values;
                _afterItem = StateAfterObject("{}"u8);
                return Step.Continue;
            default:
                throw new ImportInputException(
                    $"{_name}: expected a JSON array or object at byte {_bufferOffset + _start + reader.TokenStartIndex}, found {reader.TokenType}");
        }
    }

    private Step StepAfterArray(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new ImportInputException(
                $"{_name}: unexpected {reader.TokenType} after the top-level array at byte {_bufferOffset + _start + reader.TokenStartIndex}");
        }

        if (!_eof)
            return Step.NeedMore;
        _position = State.Done;
        return Step.End;
    }

    private Step StepItem(ref Utf8JsonReader reader, out JsonItem item)
    {
        item = default;
        if (!reader.Read())
        {
            if (!_eof)
                return Step.NeedMore;
            if (_position == State.InArray)
                throw Truncated();
            _position = State.Done;
            return Step.End;
        }

        if (reader.TokenType == JsonTokenType.EndArray && _position == State.InArray)
        {
            Commit(ref reader);
            _position = State.AfterArray;
            return Step.Continue;
        }

        var tokenStart = (int)reader.TokenStartIndex;
        var offset = _bufferOffset + _start + tokenStart;
        if (_scanner is not null)
        {
            // One pass: the scanner reads the item as it goes; when the buffer ends inside it, nothing is
            // committed and the item is scanned again from its start after the next fill. Objects go through the
            // fast reader first; what it does not take (or what is malformed) goes through Utf8JsonReader, which
            // reads it or throws naming the place.
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var fast = new JsonTokenReader(_buffer.AsSpan(_start, _end - _start), tokenStart, _eof);
                fast.Read();
                if (_scanner.TryScan(ref fast))
                {
                    var scanned = (int)fast.BytesConsumed;
                    var fastSource = new ReadOnlyMemory<byte>(_buffer, _start, scanned);
                    _start += scanned;
                    _state = _afterItem;
                    _scanner.Complete(fastSource, _index++, offset);
                    return Step.Item;
                }

                if (fast.Status == JsonTokenReaderStatus.NeedsMoreData)
                    return Step.NeedMore;
            }

            var tokens = new Utf8JsonTokenReader(reader);
            bool scannedAll;
            try
            {
                scannedAll = _scanner.TryScan(ref tokens);
            }
            finally
            {
                reader = tokens.Reader;
            }

            if (!scannedAll)
                return Step.NeedMore;
            var source = new ReadOnlyMemory<byte>(_buffer, _start, (int)reader.BytesConsumed);
            Commit(ref reader);
            _scanner.Complete(source, _index++, offset);
            return Step.Item;
        }

        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            return Step.NeedMore;

        var length = (int)reader.BytesConsumed - tokenStart;
        var memory = new ReadOnlyMemory<byte>(_buffer, _start + tokenStart, length);
        Commit(ref reader);

        // The document reads the buffer in place; it stays valid until the next ReadAsync.
        _current = JsonDocument.Parse(memory, DocumentOptions);
        item = new JsonItem(_index++, offset, _current.RootElement);
        return Step.Item;
    }

    /// <summary>
    /// The state <see cref="Utf8JsonReader"/> is in right after an object item: what the reader continues from
    /// when <see cref="JsonTokenReader"/> has read the item instead (<paramref name="json"/> ends with such an item).
    /// </summary>
    private static JsonReaderState StateAfterObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(ReaderOptions));
        while (reader.Read())
        {
        }

        return reader.CurrentState;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // Items still being read must stay contiguous: move the unread tail to the front, grow when full.
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, checked(_buffer.Length + _buffer.Length / 2));

        while (_end < _buffer.Length)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
                break;
            }

            _end += read;
        }

        if (!_bomChecked && _end - _start >= 3 || _eof)
            SkipBom();
    }

    private void SkipBom()
    {
        if (_bomChecked)
            return;
        _bomChecked = true;
        if (_bufferOffset == 0 && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            _start = 3;
    }

    private ImportInputException Truncated() =>
        new($"{_name}: the JSON ends early at byte {_bufferOffset + _end} (truncated file?)");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
