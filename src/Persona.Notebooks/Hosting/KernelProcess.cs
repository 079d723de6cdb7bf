using System.Text.Json;
using Persona.Core.Storage;
using Persona.Notebooks.Execution;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Hosting;

/// <summary>
/// The child side: reads a <see cref="KernelRequest"/> from stdin, executes the notebook in this process,
/// reports progress as <see cref="KernelEvent"/> lines on stdout, echoes cell console output and progress
/// to stderr, and rewrites the output notebook after every cell. Exit code 0 = every cell passed (or its
/// error was allowed), 1 = a cell failed, 2 = unusable request or notebook.
/// </summary>
internal static class KernelProcess
{
    public static async Task<int> RunAsync(TextReader input, TextWriter protocol, TextWriter log, CancellationToken cancellationToken = default)
    {
        var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var request = line is null ? null : JsonSerializer.Deserialize(line, KernelJsonContext.Default.KernelRequest);
        if (request is null)
        {
            await log.WriteLineAsync("persona-kernel: expected a JSON request line on stdin").ConfigureAwait(false);
            return 2;
        }

        void Send(KernelEvent e)
        {
            lock (protocol)
            {
                protocol.WriteLine(KernelEvent.Prefix + JsonSerializer.Serialize(e, KernelJsonContext.Default.KernelEvent));
                protocol.Flush();
            }
        }

        var loaded = await NotebookDocument.LoadAsync(request.NotebookPath, cancellationToken).ConfigureAwait(false);
        if (loaded.Document is null)
        {
            Send(new KernelEvent(KernelEventKind.Crashed, Message: loaded.Diagnostic!.ToString()));
            return 2;
        }

        var answers = AnswerBook.Empty;
        var byName = request.Parameters.ToDictionary(p => p.Name, p => p.Text, StringComparer.Ordinal);
        if (request.AnswersPath is not null)
        {
            var (book, error) = AnswerBook.Load(request.AnswersPath, byName);
            if (book is null)
            {
                Send(new KernelEvent(KernelEventKind.Crashed, Message: error!.ToString()));
                return 2;
            }

            answers = book;
        }
        else if (byName.Count > 0)
        {
            answers = new AnswerBook(new Dictionary<string, string>(), byName);
        }

        var options = new NotebookExecutionOptions
        {
            Parameters = [.. request.Parameters.Select(p => ParameterValue.FromKernel(p.Name, p.CSharp, p.Text))],
            Answers = answers,
            AllowErrors = request.AllowErrors,
            Echo = log,
        };
        var executor = new NotebookExecutor(options);
        var result = await executor.ExecuteAsync(
            loaded.Document,
            request.OutputPath,
            (doc, ct) => AtomicFile.WriteAllTextAsync(doc.Path, doc.ToJson(), ct),
            position =>
            {
                log.WriteLine("  " + position);
                Send(new KernelEvent(KernelEventKind.CellStarted, position.SourceIndex, position.CodeOrdinal, OutputIndex: position.OutputIndex));
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var failure in result.Failures)
            Send(new KernelEvent(KernelEventKind.CellFailed, failure.CellIndex, failure.CodeOrdinal, failure));
        Send(new KernelEvent(KernelEventKind.Finished));
        return result.Succeeded ? 0 : 1;
    }
}
