using Persona.Core.Import;
using Spectre.Console;

namespace Persona.Cli.Commands;

/// <summary>
/// Shows import progress on stderr: Spectre.Console progress bars on a terminal, plain lines when stderr is
/// redirected (or is a test's writer).
/// </summary>
internal static class ImportProgressDisplay
{
    public static async Task<ImportReport> RunAsync(CliContext context, Func<IProgress<ImportProgress>, Task<ImportReport>> run)
    {
        if (!ReferenceEquals(context.Error, Console.Error) || Console.IsErrorRedirected)
            return await run(new PlainLines(context.Error)).ConfigureAwait(false);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn())
            .StartAsync(ctx => run(new Bars(ctx))).ConfigureAwait(false);
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0") + " MB";

    /// <summary>One line when a file starts, at every quarter of it, and when it is done.</summary>
    private sealed class PlainLines(TextWriter error) : IProgress<ImportProgress>
    {
        private int _file = -1;
        private int _quarter;

        public void Report(ImportProgress value)
        {
            if (value.FileIndex != _file)
            {
                _file = value.FileIndex;
                _quarter = 0;
                error.WriteLine($"import [{value.FileIndex + 1}/{value.FileCount}] {value.Path}");
            }

            if (value.Done)
            {
                error.WriteLine($"import [{value.FileIndex + 1}/{value.FileCount}] done: {Megabytes(value.BytesRead)}, {value.Conversations} conversations, {value.Messages} messages");
                return;
            }

            if (value.TotalBytes is > 0 and var total && value.BytesRead * 4 / total > _quarter)
            {
                _quarter = (int)(value.BytesRead * 4 / total);
                error.WriteLine($"import [{value.FileIndex + 1}/{value.FileCount}] {Math.Min(100, _quarter * 25)}% ({value.Conversations} conversations)");
            }
        }
    }

    private sealed class Bars(ProgressContext context) : IProgress<ImportProgress>
    {
        private readonly Dictionary<int, ProgressTask> _tasks = [];

        public void Report(ImportProgress value)
        {
            if (!_tasks.TryGetValue(value.FileIndex, out var task))
            {
                task = context.AddTask(Markup.Escape(Path.GetFileName(value.Path)), maxValue: Math.Max(1, value.TotalBytes ?? 1));
                _tasks[value.FileIndex] = task;
            }

            task.Value = Math.Min(task.MaxValue, value.BytesRead);
            if (value.Done)
                task.Value = task.MaxValue;
        }
    }
}
