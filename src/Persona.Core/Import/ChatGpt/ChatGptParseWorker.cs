using System.Runtime.ExceptionServices;

namespace Persona.Core.Import.ChatGpt;

/// <summary>
/// Walks scanned conversations on a second thread, one at a time and in the order they were scanned, so reading
/// and tokenizing an export overlaps with turning its conversations into rows (decoding, normalising, hashing,
/// spilling). Each conversation's bytes are copied, since the read buffer moves on, into one ring of
/// <see cref="RingBytes"/> that the worker frees in order; a conversation larger than the ring waits for the queue to
/// empty and is walked by the posting thread itself, so memory stays bounded. The file's
/// <see cref="FileImportState"/> belongs to the worker until <see cref="Finish"/> returns.
/// </summary>
internal sealed class ChatGptParseWorker : IDisposable
{
    private const int RingBytes = 1 << 20;

    private readonly ChatGptConversationParser _parser;
    private readonly FileImportState _state;
    private readonly Queue<Item> _queue = new();
    private readonly Stack<ChatGptConversationScan> _spare = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    private readonly byte[] _ring = new byte[RingBytes];

    /// <summary>Starts of the queued conversations held in the ring, oldest first.</summary>
    private readonly Queue<int> _ringStarts = new();

    /// <summary>Where the newest conversation in the ring ends.</summary>
    private int _ringEnd;
    private bool _closed;
    private ExceptionDispatchInfo? _failure;

    public ChatGptParseWorker(ChatGptConversationParser parser, FileImportState state)
    {
        _parser = parser;
        _state = state;
        _thread = new Thread(Run) { IsBackground = true, Name = "persona import: conversations" };
        _thread.Start();
    }

    /// <summary>
    /// Queues a scanned conversation whose text positions refer to <paramref name="source"/> (copied here; valid only
    /// during this call), waiting while the queue is full. Returns the scan object to fill next.
    /// </summary>
    public ChatGptConversationScan Post(ChatGptConversationScan scan, ReadOnlyMemory<byte> source, string jsonPath)
    {
        var start = -1;
        lock (_gate)
        {
            while (_failure is null && !TryReserve(source.Length, out start))
                Monitor.Wait(_gate);
            _failure?.Throw();
        }

        if (start < 0)
        {
            // Larger than the ring, and nothing queued: walk it here, in place, rather than copy it.
            _parser.Parse(scan, source, jsonPath, _state);
            return scan;
        }

        // The reserved bytes are this thread's until the item is queued.
        source.Span.CopyTo(_ring.AsSpan(start));
        lock (_gate)
        {
            _queue.Enqueue(new Item(scan, start, source.Length, jsonPath));
            Monitor.PulseAll(_gate);
            return _spare.Count > 0 ? _spare.Pop() : new ChatGptConversationScan();
        }
    }

    /// <summary>Waits until every queued conversation is walked; rethrows what stopped the worker, if anything did.</summary>
    public void Finish()
    {
        Close();
        _failure?.Throw();
    }

    /// <summary>Waits for the worker to stop (after the queued conversations, or at once after a failure); throws nothing.</summary>
    public void Dispose() => Close();

    private void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    /// <summary>
    /// Finds room for <paramref name="length"/> bytes: a place in the ring after the newest conversation (wrapping to
    /// the start), or -1 when it is larger than the ring and nothing is queued (the caller then walks it itself). False
    /// while the queue holds too much.
    /// </summary>
    private bool TryReserve(int length, out int start)
    {
        start = -1;
        if (length > RingBytes)
            return _queue.Count == 0;
        if (_ringStarts.Count == 0)
        {
            start = 0;
        }
        else
        {
            var oldest = _ringStarts.Peek();
            if (_ringEnd > oldest && RingBytes - _ringEnd >= length)
                start = _ringEnd; // free space after the newest
            else if (_ringEnd > oldest && oldest >= length)
                start = 0; // wrap: free space before the oldest
            else if (_ringEnd <= oldest && oldest - _ringEnd >= length)
                start = _ringEnd; // wrapped already: free space between newest and oldest
            else
                return false;
        }

        _ringStarts.Enqueue(start);
        _ringEnd = start + length;
        return true;
    }

    private void Run()
    {
        while (true)
        {
            Item item;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_closed)
                    Monitor.Wait(_gate);
                if (_queue.Count == 0)
                    return;
                item = _queue.Peek();
            }

            try
            {
                _parser.Parse(item.Scan, _ring.AsMemory(item.Start, item.Length), item.JsonPath, _state);
            }
            catch (Exception ex)
            {
                // Content problems became diagnostics inside Parse; this is I/O (the spill) or a bug: stop reading.
                lock (_gate)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                    _queue.Clear();
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _queue.Dequeue();
                _ringStarts.Dequeue();
                _spare.Push(item.Scan);
                Monitor.PulseAll(_gate);
            }
        }
    }

    private sealed record Item(ChatGptConversationScan Scan, int Start, int Length, string JsonPath);
}
