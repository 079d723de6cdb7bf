using System.Diagnostics;
using System.Text.Json;
using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Hosting;

/// <summary>The runner's view of a running child, fed from its protocol and log lines (any thread).</summary>
internal sealed class ChildWatch
{
    private const int LogLinesKept = 12;
    private readonly Lock _gate = new();
    private readonly List<CellFailure> _failures = [];
    private readonly Queue<string> _lastLog = new();
    private readonly Stopwatch _cellClock = new();
    private int _cell = -1;
    private int _outputCell = -1;
    private int _ordinal;

    public bool Finished { get; private set; }

    public string? CrashMessage { get; private set; }

    /// <summary>The running cell: source index, index in the executed notebook, code ordinal (-1 before the first cell).</summary>
    public (int Cell, int OutputCell, int Ordinal) CurrentCell
    {
        get
        {
            lock (_gate)
                return (_cell, _outputCell, _ordinal);
        }
    }

    public IReadOnlyList<CellFailure> Failures
    {
        get
        {
            lock (_gate)
                return [.. _failures];
        }
    }

    public string LastLogLines
    {
        get
        {
            lock (_gate)
                return string.Join(" | ", _lastLog);
        }
    }

    public void OnProtocolLine(string? line)
    {
        if (line is null || !line.StartsWith(KernelEvent.Prefix, StringComparison.Ordinal))
            return;
        KernelEvent? e;
        try
        {
            e = JsonSerializer.Deserialize(line[KernelEvent.Prefix.Length..], KernelJsonContext.Default.KernelEvent);
        }
        catch (JsonException)
        {
            return; // not ours: user code wrote to the raw stdout
        }

        if (e is null)
            return;
        lock (_gate)
        {
            switch (e.Kind)
            {
                case KernelEventKind.CellStarted:
                    _cell = e.CellIndex;
                    _outputCell = e.OutputIndex;
                    _ordinal = e.CodeOrdinal;
                    _cellClock.Restart();
                    break;
                case KernelEventKind.CellFailed when e.Failure is not null:
                    _failures.Add(e.Failure);
                    break;
                case KernelEventKind.Finished:
                    Finished = true;
                    _cellClock.Reset();
                    break;
                case KernelEventKind.Crashed:
                    CrashMessage = e.Message;
                    break;
            }
        }
    }

    public void OnLogLine(string line)
    {
        lock (_gate)
        {
            _lastLog.Enqueue(line);
            while (_lastLog.Count > LogLinesKept)
                _lastLog.Dequeue();
        }
    }

    /// <summary>The timeout message when a limit is exceeded, else null.</summary>
    public string? CheckTimeouts(TimeSpan notebookElapsed, TimeSpan cellLimit, TimeSpan notebookLimit)
    {
        lock (_gate)
        {
            if (_cellClock.IsRunning && _cellClock.Elapsed > cellLimit)
                return $"cell {_cell} (code #{_ordinal}) ran longer than the cell timeout of {cellLimit.TotalSeconds:0.###} s; the notebook process was killed";
            if (notebookElapsed > notebookLimit)
                return $"the notebook ran longer than the notebook timeout of {notebookLimit.TotalSeconds:0.###} s"
                    + (_cell >= 0 ? $" (in cell {_cell}, code #{_ordinal})" : string.Empty) + "; the notebook process was killed";
            return null;
        }
    }
}
