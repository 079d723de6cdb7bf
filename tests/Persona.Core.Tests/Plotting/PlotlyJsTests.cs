using Persona.Core.Plotting;

namespace Persona.Core.Tests.Plotting;

public sealed class PlotlyJsTests
{
    [Fact]
    public void Script_EmbeddedBundle_IsTheVendoredVersion()
    {
        var script = PlotlyJs.Script;

        Assert.True(script.Length > 1_000_000, $"plotly.js is only {script.Length} characters");
        Assert.Contains($"plotly.js v{PlotlyJs.Version}", script[..200], StringComparison.Ordinal);
        Assert.Contains("window.Plotly = Plotly", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_EmbeddedBundle_CanBeInlinedInAScriptElement()
    {
        Assert.DoesNotContain("</script", PlotlyJs.Script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", PlotlyJs.Script, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Script_EmbeddedBundle_EqualsPinnedNpmPackage()
    {
        var pinned = Oracles.RequireNpmFile("plotly.js-dist-min", "plotly.min.js");

        var expected = await File.ReadAllTextAsync(pinned, TestContext.Current.CancellationToken);

        Assert.True(expected == PlotlyJs.Script, "the embedded plotly.min.js.gz differs from the npm package pinned in tests/oracles; see src/Persona.Core/Plotting/THIRD-PARTY.md");
    }
}
