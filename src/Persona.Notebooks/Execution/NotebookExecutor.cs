using System.Diagnostics;
using System.Globalization;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Executes one notebook's code cells in order in this process (the child side of the runner): injects
/// parameters, runs each cell through the <see cref="ScriptKernel"/>, records outputs the way VS Code saves
/// them, and hands the output notebook to <c>save</c> before the first cell and after every cell, so a
/// killed run leaves a transcript up to the last finished cell.
/// </summary>
internal sealed class NotebookExecutor(NotebookExecutionOptions options)
{
    public const string RaisesExceptionTag = "raises-exception";
    public const string SkipExecutionTag = "skip-execution";

    /// <summary>
    /// Runs <paramref name="source"/> (its folder is the working folder and the base of relative <c>#r</c>/<c>#load</c>)
    /// and builds the executed copy at <paramref name="outputPath"/>.
    /// </summary>
    public async Task<NotebookExecutionResult> ExecuteAsync(
        NotebookDocument source,
        string outputPath,
        Func<NotebookDocument, CancellationToken, Task> save,
        Action<CellPosition>? cellStarting = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(save);
        var output = source.Clone(outputPath);

        var injected = ParameterInjector.Inject(output, options.Parameters);
        if (injected == 0)
            options.Echo?.WriteLine("  note: no cell is tagged 'parameters'; the parameters were injected in a first cell");
        foreach (var cell in output.Cells.Where(c => c.Kind == CellKind.Code))
            cell.ClearOutputs();
        await save(output, cancellationToken).ConfigureAwait(false);

        var failures = new List<CellFailure>();
        var missing = ReferenceCheck.FindMissing(source).FirstOrDefault();
        if (missing is not null)
        {
            failures.Add(new CellFailure(missing.CellIndex ?? 0, 0, missing.Line, missing.Message));
            return new NotebookExecutionResult(failures, 0);
        }

        ConsoleRouter.Install(options.Echo);
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(source.Path))!);
        var kernel = new ScriptKernel(source.Path);
        await kernel.StartAsync(cancellationToken).ConfigureAwait(false);

        var executionCount = 0;
        var ordinal = 0;
        var defaultKernel = output.DefaultKernel;
        for (var index = 0; index < output.CellCount; index++)
        {
            var cell = output[index];
            if (cell.Kind != CellKind.Code)
                continue;
            ordinal++;
            if (cell.HasTag(SkipExecutionTag))
                continue;

            cancellationToken.ThrowIfCancellationRequested();
            // Failures are reported by the cell's place in the source notebook; the injected cell is not in it.
            var position = new CellPosition(index, injected is { } j && index > j ? index - 1 : index, injected is { } k && index > k ? ordinal - 1 : ordinal, index == injected);
            cellStarting?.Invoke(position);
            var sink = new CellOutputSink(options.Echo);
            var failure = await RunCellAsync(kernel, cell, defaultKernel, sink, position.SourceIndex, position.CodeOrdinal, cancellationToken).ConfigureAwait(false);
            if (index == injected && failure?.Failure is { } bad)
                failure = (false, bad with { Message = "in the injected parameters cell: " + bad.Message });
            if (failure is { Skipped: true })
                continue;

            cell.SetOutputs(sink.ToOutputs(), ++executionCount);
            if (failure?.Failure is { } f)
                failures.Add(f with { Allowed = options.AllowErrors || cell.HasTag(RaisesExceptionTag) });
            await save(output, cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0 && !failures[^1].Allowed)
                break;
        }

        return new NotebookExecutionResult(failures, executionCount);
    }

    private async Task<(bool Skipped, CellFailure? Failure)?> RunCellAsync(
        ScriptKernel kernel, NotebookCell cell, string defaultKernel, CellOutputSink sink, int index, int ordinal, CancellationToken cancellationToken)
    {
        PreparedCell prepared;
        try
        {
            prepared = CellPreprocessor.Prepare(cell.Source, cell.KernelName ?? defaultKernel, options.Answers);
        }
        catch (InvalidOperationException ex)
        {
            // A missing @input answer: fail the cell, naming the prompt.
            sink.AddDisplay(NotebookOutputs.Error("Error", ex.Message, [ex.Message]));
            return (false, new CellFailure(index, ordinal, null, ex.Message));
        }

        switch (prepared.Action)
        {
            case CellAction.Skip:
                return (true, null);
            case CellAction.Unsupported:
                sink.AddDisplay(NotebookOutputs.Error("Error", prepared.Error!, [prepared.Error!]));
                return (false, new CellFailure(index, ordinal, prepared.ErrorLine, prepared.Error!));
            case CellAction.ShowHtml:
                sink.AddDisplay(NotebookOutputs.DisplayData([new(ValueFormatter.Html, prepared.Code)]));
                return null;
        }

        var clock = Stopwatch.StartNew();
        SubmissionOutcome outcome;
        ExecutionSession.Current = new ExecutionSession(sink, options.Answers);
        try
        {
            outcome = await kernel.SubmitAsync(prepared.Code, cancellationToken).ConfigureAwait(false);
            // A cell ending in display(x) has already shown x; its DisplayedValue is not shown again.
            if (!outcome.Failed && outcome.HasReturnValue && outcome.ReturnValue is not Microsoft.DotNet.Interactive.DisplayedValue)
                outcome = Display(sink, outcome);
        }
        finally
        {
            ExecutionSession.Current = null;
        }

        if (prepared.TimeIt)
        {
            var wall = clock.Elapsed.TotalMilliseconds.ToString("0.####", CultureInfo.InvariantCulture);
            sink.AddDisplay(NotebookOutputs.DisplayData([new(ValueFormatter.PlainText, $"Wall time: {wall}ms")]));
        }

        if (!outcome.Failed)
            return null;
        var lines = outcome.ErrorText!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        sink.AddDisplay(NotebookOutputs.Error("Error", outcome.ErrorText!, lines));
        return (false, new CellFailure(index, ordinal, outcome.ErrorLine, outcome.ErrorSummary!));
    }

    private static SubmissionOutcome Display(CellOutputSink sink, SubmissionOutcome outcome)
    {
        try
        {
            sink.AddDisplay(NotebookOutputs.DisplayData(ValueFormatter.Format(outcome.ReturnValue)));
            return outcome;
        }
#pragma warning disable CA1031 // A formatter is user/library code: its failure is the cell's error, reported like any other.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : ex;
            return SubmissionOutcome.Error(inner.ToString(), $"formatting the cell's value failed: {inner.GetType().FullName}: {inner.Message}", null);
        }
    }
}
