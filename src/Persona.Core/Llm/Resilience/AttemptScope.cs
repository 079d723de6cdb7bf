namespace Persona.Core.Llm.Resilience;

/// <summary>One attempt's cancellation: the caller's token plus a timeout timer from the injected <see cref="TimeProvider"/>.</summary>
internal sealed class AttemptScope : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private ITimer? _timer;

    public AttemptScope(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (timeout != Timeout.InfiniteTimeSpan)
            _timer = timeProvider.CreateTimer(static state => ((AttemptScope)state!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>True once the attempt's timeout has fired.</summary>
    public bool TimedOut { get; private set; }

    /// <summary>Stops the timeout (a started stream may run as long as it produces).</summary>
    public void StopTimer()
    {
        Interlocked.Exchange(ref _timer, null)?.Dispose();
    }

    public void Dispose()
    {
        StopTimer();
        _cts.Dispose();
    }

    private void OnTimeout()
    {
        if (Volatile.Read(ref _timer) is null)
            return;
        TimedOut = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended between the timer firing and this call.
        }
    }
}
