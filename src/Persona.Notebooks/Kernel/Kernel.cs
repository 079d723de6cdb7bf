using Persona.Notebooks.Execution;

#pragma warning disable IDE0130 // The namespace is the one .NET Interactive notebooks import; the shim must match it.
#pragma warning disable CA1716, CA1724 // Names mirror the .NET Interactive kernel API that notebooks call.
namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The subset of .NET Interactive's <c>Kernel</c> statics that portable notebooks use, so the same cell
/// runs in VS Code and headless. Every notebook gets <c>using static Microsoft.DotNet.Interactive.Kernel;</c>
/// first, exactly as the C# kernel does.
/// </summary>
public static class Kernel
{
    /// <summary>Shows a value as a <c>display_data</c> output (MIME types chosen by the formatter unless given).</summary>
#pragma warning disable IDE1006 // lower-case names are the kernel's API
    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        DisplayedValue.Show(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Raw HTML that displays verbatim as <c>text/html</c>.</summary>
    public static HtmlString HTML(string content) => new(content);

    public static DisplayedValue Javascript(string scriptContent) =>
        DisplayedValue.Show(new HtmlString($"<script type=\"text/javascript\">{scriptContent}</script>"), []);

    public static DisplayedValue CSS(string content) =>
        Javascript($"var css = `{content}`; var style = document.createElement('style'); style.appendChild(document.createTextNode(css)); document.head.appendChild(style);");

    /// <summary>Answers an input prompt from the runner's answers (never waits for typing).</summary>
    public static Task<string> GetInputAsync(string prompt = "", string typeHint = "text")
    {
        _ = typeHint;
        return Task.FromResult(ExecutionSession.Require().Answers.Answer(prompt));
    }

    public static Task<PasswordString> GetPasswordAsync(string prompt = "") =>
        Task.FromResult(new PasswordString(ExecutionSession.Require().Answers.Answer(prompt)));
}
