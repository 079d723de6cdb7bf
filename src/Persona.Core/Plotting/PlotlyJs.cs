using System.IO.Compression;
using System.Reflection;

namespace Persona.Core.Plotting;

/// <summary>
/// The plotly.js bundle this library draws with. A gzip-compressed copy of <c>plotly.min.js</c> from the
/// npm package <c>plotly.js-dist-min</c> is embedded in the assembly (see THIRD-PARTY.md), so standalone
/// reports work offline and the build needs no network or node.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The vendored plotly.js version; notebook fragments load the same version from the CDN.</summary>
    public const string Version = "4.1.2";

    internal const string ResourceName = "Persona.Core.Plotting.plotly.min.js.gz";

    private static readonly Lazy<string> LazyScript = new(Load);

    /// <summary>Where notebook fragments load plotly.js from when the page has none.</summary>
    public static string CdnUrl => $"https://cdn.plot.ly/plotly-{Version}.min.js";

    /// <summary>The whole minified bundle (about 4.8 MB of text), read once from the assembly.</summary>
    public static string Script => LazyScript.Value;

    private static string Load()
    {
        using var resource = typeof(PlotlyJs).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(PlotlyJs).Assembly.GetName().Name}");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
