using System.Text;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Installed as <see cref="Console.Out"/>/<see cref="Console.Error"/>: text written while a cell runs
/// (in its async flow) goes to that cell's <see cref="CellOutputSink"/>; anything else goes to the
/// original stream.
/// </summary>
internal sealed class ConsoleRouter(string streamName, TextWriter fallback) : TextWriter
{
    private static readonly Lock InstallGate = new();
    private static bool _installed;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>
    /// Routes the process's console streams through <see cref="ExecutionSession.Current"/> (idempotent).
    /// Text written outside a cell goes to <paramref name="outsideCells"/> (the child passes its log, so
    /// stray writes from background threads never mix into the protocol on stdout), else to the original streams.
    /// </summary>
    public static void Install(TextWriter? outsideCells = null)
    {
        lock (InstallGate)
        {
            if (_installed)
                return;
            Console.SetOut(new ConsoleRouter("stdout", outsideCells ?? Console.Out));
            Console.SetError(new ConsoleRouter("stderr", outsideCells ?? Console.Error));
            _installed = true;
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is null)
            return;
        if (ExecutionSession.Current is { } session)
            session.Sink.WriteStream(streamName, value);
        else
            fallback.Write(value);
    }

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        if (ExecutionSession.Current is null)
            fallback.Flush();
    }
}
