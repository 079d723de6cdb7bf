using System.Diagnostics;
using System.Text.Json;
using Persona.Core.Storage;
using Persona.Notebooks.Execution;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Hosting;

/// <summary>
/// Runs notebooks headless, one child process per notebook (<see cref="KernelProcess"/>): isolates
/// memory (Roslyn never unloads submissions), static state and the working folder, and lets the runner
/// enforce the per-cell and per-notebook time limits by killing the child. Progress goes to <c>log</c>.
/// </summary>
public sealed class NotebookRunner(TextWriter log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<NotebookRunResult> RunAsync(NotebookRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var notebooks = options.ExpandNotebooks();
        if (notebooks.Count == 0)
            throw new ArgumentException($"no .ipynb notebooks in {string.Join(", ", options.Inputs)}");
        var clash = notebooks.GroupBy(n => Path.GetFileName(n), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"two notebooks named {clash.Key} would write the same output file: {string.Join(", ", clash)}");

        Directory.CreateDirectory(options.OutputDirectory);
        var outcomes = new List<NotebookOutcome>();
        for (var i = 0; i < notebooks.Count; i++)
        {
            await log.WriteLineAsync($"[{i + 1}/{notebooks.Count}] {notebooks[i]}").ConfigureAwait(false);
            var outcome = await RunOneAsync(notebooks[i], options, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            foreach (var allowed in outcome.AllowedErrors)
                await log.WriteLineAsync($"  allowed error: {allowed.Describe(notebooks[i])}").ConfigureAwait(false);
            await log.WriteLineAsync(outcome.Describe()).ConfigureAwait(false);
            if (options.HtmlDirectory is not null && File.Exists(outcome.OutputPath))
                await NotebookHtmlExporter.ExportAsync(outcome.OutputPath, options.HtmlDirectory, cancellationToken).ConfigureAwait(false);
            if (!outcome.Passed && options.StopOnFirstFailure)
            {
                if (i + 1 < notebooks.Count)
                    await log.WriteLineAsync($"stopping: {notebooks.Count - i - 1} later notebook(s) not run").ConfigureAwait(false);
                break;
            }
        }

        return new NotebookRunResult(outcomes);
    }

    private async Task<NotebookOutcome> RunOneAsync(string notebookPath, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outputPath = Path.GetFullPath(Path.Combine(options.OutputDirectory, Path.GetFileName(notebookPath)));
        NotebookOutcome Invalid(string message, CellFailure? failure = null) =>
            new(notebookPath, outputPath, NotebookStatus.Invalid, failure, [], clock.Elapsed, message);

        var loaded = await NotebookDocument.LoadAsync(notebookPath, cancellationToken).ConfigureAwait(false);
        if (loaded.Document is null)
            return Invalid(loaded.Diagnostic!.ToString());
        if (ReferenceCheck.FindMissing(loaded.Document).FirstOrDefault() is { } missing)
            return Invalid(missing.ToString(), new CellFailure(missing.CellIndex ?? 0, 0, missing.Line, missing.Message));

        var request = new KernelRequest(
            Path.GetFullPath(notebookPath),
            outputPath,
            [.. options.Parameters.Select(p => new KernelParameter(p.Name, p.CSharp, p.Text))],
            options.AnswersPath is null ? null : Path.GetFullPath(options.AnswersPath),
            options.AllowErrors);

        var watch = new ChildWatch();
        using var process = new Process { StartInfo = KernelLauncher.CreateStartInfo() };
        process.OutputDataReceived += (_, e) => watch.OnProtocolLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            watch.OnLogLine(e.Data);
            lock (log)
                log.WriteLine("  " + e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, KernelJsonContext.Default.KernelRequest)).ConfigureAwait(false);
        process.StandardInput.Close();

        string? timeout = null;
        var exit = process.WaitForExitAsync(cancellationToken);
        try
        {
            while (!exit.IsCompleted)
            {
                await Task.WhenAny(exit, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
                if (exit.IsCompleted)
                    break;
                timeout = watch.CheckTimeouts(clock.Elapsed, options.CellTimeout, options.NotebookTimeout);
                if (timeout is not null)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                    break;
                }
            }

            await exit.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit(); // drains the redirected streams
        if (timeout is not null)
        {
            var (cell, outputCell, ordinal) = watch.CurrentCell;
            var failure = new CellFailure(cell, ordinal, null, timeout);
            await MarkTimedOutAsync(outputPath, outputCell, timeout, cancellationToken).ConfigureAwait(false);
            return new NotebookOutcome(notebookPath, outputPath, NotebookStatus.TimedOut, cell >= 0 ? failure : null, [], clock.Elapsed, timeout);
        }

        var failures = watch.Failures;
        var stopped = failures.FirstOrDefault(f => !f.Allowed);
        var allowed = failures.Where(f => f.Allowed).ToList();
        if (watch.Finished && stopped is null && process.ExitCode == 0)
            return new NotebookOutcome(notebookPath, outputPath, NotebookStatus.Passed, null, allowed, clock.Elapsed);
        if (stopped is not null)
            return new NotebookOutcome(notebookPath, outputPath, NotebookStatus.Failed, stopped, allowed, clock.Elapsed);
        return Invalid(watch.CrashMessage ?? $"the notebook process exited with code {process.ExitCode} without finishing: {watch.LastLogLines}");
    }

    /// <summary>Adds an error output to the cell that was running when the child was killed.</summary>
    private static async Task MarkTimedOutAsync(string outputPath, int cellIndex, string message, CancellationToken cancellationToken)
    {
        if (cellIndex < 0 || !File.Exists(outputPath))
            return;
        var loaded = await NotebookDocument.LoadAsync(outputPath, cancellationToken).ConfigureAwait(false);
        if (loaded.Document is not { } document || cellIndex >= document.CellCount)
            return;
        document[cellIndex].AddOutput(NotebookOutputs.Error("Error", message, [message]));
        await AtomicFile.WriteAllTextAsync(outputPath, document.ToJson(), cancellationToken).ConfigureAwait(false);
    }
}
