using System.Runtime.ExceptionServices;

namespace Persona.Parquet.Writing;

/// <summary>
/// Compresses data pages on a second thread while the writer encodes the next ones
/// (<see cref="ParquetWriteOptions.CompressInBackground"/>). The writer waits for a page only when it needs its
/// compressed bytes, and then compresses any page nobody has started itself, so it never idles while its work is
/// queued. The thread starts with the first page and stops when disposed.
/// </summary>
internal sealed class PageCompressionWorker : IDisposable
{
    private readonly Queue<PageCompressionJob> _queue = new();
    private readonly object _gate = new();
    private Thread? _thread;
    private bool _closed;
    private ExceptionDispatchInfo? _failure;

    public void Post(PageCompressionJob job)
    {
        lock (_gate)
        {
            _failure?.Throw();
            job.State = PageCompressionState.Queued;
            _queue.Enqueue(job);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Parquet page compression" };
                _thread.Start();
            }

            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Returns when <paramref name="job"/> is compressed, running it (or other queued pages) here meanwhile.</summary>
    public void Complete(PageCompressionJob job)
    {
        while (true)
        {
            PageCompressionJob? mine = null;
            lock (_gate)
            {
                if (job.State == PageCompressionState.Done)
                    return;
                _failure?.Throw();
                if (job.State == PageCompressionState.Queued)
                    mine = job;
                else if (!TryTakeQueued(out mine))
                    Monitor.Wait(_gate);
                if (mine is not null)
                    mine.State = PageCompressionState.Running;
            }

            if (mine is not null)
                RunAndSignal(mine);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }

        _thread?.Join();
    }

    private void Run()
    {
        while (true)
        {
            PageCompressionJob? job;
            lock (_gate)
            {
                while (!TryTakeQueued(out job) && !_closed)
                    Monitor.Wait(_gate);
                if (job is null)
                    return;
                job.State = PageCompressionState.Running;
            }

            try
            {
                RunAndSignal(job);
            }
            catch (Exception ex)
            {
                // Handed to the writer, which rethrows it when it next waits or posts.
                lock (_gate)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                    Monitor.PulseAll(_gate);
                }

                return;
            }
        }
    }

    private void RunAndSignal(PageCompressionJob job)
    {
        job.Run();
        lock (_gate)
        {
            job.State = PageCompressionState.Done;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The oldest page nobody has started; pages the writer took itself are dropped from the queue here.</summary>
    private bool TryTakeQueued(out PageCompressionJob? job)
    {
        while (_queue.Count > 0)
        {
            job = _queue.Dequeue();
            if (job.State == PageCompressionState.Queued)
                return true;
        }

        job = null;
        return false;
    }
}
