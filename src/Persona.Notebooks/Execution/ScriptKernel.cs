using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Persona.Notebooks.Execution;

/// <summary>
/// One notebook's C# state: a Roslyn script chain configured like the .NET Interactive C# kernel
/// (same default imports, <c>using static Microsoft.DotNet.Interactive.Kernel;</c> first, <c>#r</c>/<c>#load</c>
/// relative to the notebook's folder), with debug information so runtime errors carry cell line numbers.
/// </summary>
internal sealed class ScriptKernel
{
    private static readonly string[] Imports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    // Roslyn keeps "does the submission end in an expression" internal; .NET Interactive reads it the same way.
    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.NonPublic | BindingFlags.Instance);

    private readonly ScriptOptions _options;
    private readonly string _filePath;
    private ScriptState<object>? _state;

    public ScriptKernel(string notebookPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(notebookPath);
        _filePath = Path.GetFullPath(notebookPath);
        var folder = Path.GetDirectoryName(_filePath)!;
        _options = ScriptOptions.Default
            .AddReferences(typeof(Enumerable).Assembly, typeof(Microsoft.DotNet.Interactive.Kernel).Assembly, typeof(Console).Assembly)
            .WithImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, folder))
            .WithFilePath(_filePath)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithLanguageVersion(LanguageVersion.Latest);
    }

    /// <summary>Runs the kernel prelude (the helpers' <c>using static</c>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await SubmitAsync("using static Microsoft.DotNet.Interactive.Kernel;", cancellationToken).ConfigureAwait(false);
        if (outcome.Failed)
            throw new InvalidOperationException("kernel prelude failed: " + outcome.ErrorText);
    }

    public async Task<SubmissionOutcome> SubmitAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ScriptState<object> state;
        try
        {
            state = _state is null
                ? await CSharpScript.Create<object>(code, _options).RunAsync(globals: null, catchException: _ => true, cancellationToken).ConfigureAwait(false)
                : await _state.ContinueWithAsync<object>(code, _options, catchException: _ => true, cancellationToken).ConfigureAwait(false);
        }
        catch (CompilationErrorException ex)
        {
            return CompileError(ex.Diagnostics);
        }

        _state = state;
        if (state.Exception is { } exception)
            return RuntimeError(exception);
        var hasReturnValue = HasReturnValueMethod?.Invoke(state.Script, null) is true;
        return SubmissionOutcome.Value(hasReturnValue, state.ReturnValue);
    }

    private SubmissionOutcome CompileError(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
            errors = [.. diagnostics];
        // VS Code shows "(line,col): error CSxxxx: message" without the file path.
        var text = string.Join("\n", errors.Select(d => StripPath(d.ToString())));
        var first = errors.FirstOrDefault();
        int? line = first is null ? null : first.Location.GetLineSpan().StartLinePosition.Line + 1;
        var summary = first is null ? "compilation failed" : $"{first.Id}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        return SubmissionOutcome.Error(text, summary, line);
    }

    private SubmissionOutcome RuntimeError(Exception exception)
    {
        if (exception is TargetInvocationException { InnerException: { } inner })
            exception = inner;
        int? line = null;
        for (var e = exception; e is not null && line is null; e = e.InnerException)
        {
            foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            {
                if (string.Equals(frame.GetFileName(), _filePath, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
                {
                    line = frame.GetFileLineNumber();
                    break;
                }
            }
        }

        return SubmissionOutcome.Error(exception.ToString(), $"{exception.GetType().FullName}: {exception.Message}", line);
    }

    private string StripPath(string diagnostic) =>
        diagnostic.StartsWith(_filePath, StringComparison.Ordinal) ? diagnostic[_filePath.Length..] : diagnostic;
}
