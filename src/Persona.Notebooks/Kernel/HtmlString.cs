#pragma warning disable IDE0130 // The namespace is the one .NET Interactive notebooks import; the shim must match it.
namespace Microsoft.DotNet.Interactive;

/// <summary>HTML markup that displays verbatim (what <c>HTML("…")</c> returns).</summary>
public sealed class HtmlString(string html)
{
    public string ToHtml() => html;

    public override string ToString() => html;
}
