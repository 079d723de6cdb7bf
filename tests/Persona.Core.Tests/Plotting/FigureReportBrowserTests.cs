using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Persona.Core.Display;
using Persona.Core.Plotting;
using Persona.Tests;

namespace Persona.Core.Tests.Plotting;

/// <summary>
/// Opens a standalone report in headless Chromium with the network cut off and checks, in the DOM
/// plotly.js built, that every figure drew its SVG traces, and that plotly.js's own schema validator
/// (<c>Plotly.validate</c>) accepts every figure's JSON: an independent check of the attribute names.
/// </summary>
public sealed class FigureReportBrowserTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Report_InHeadlessChromium_EveryFigureDrawsAndValidates()
    {
        var chromium = Oracles.RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        Figure[] figures =
        [
            SampleFigures.ScatterByGroup(),
            SampleFigures.ScatterColorArray(),
            SampleFigures.GroupedBars(BarMode.Group),
            SampleFigures.GroupedBars(BarMode.Stack),
            SampleFigures.HorizontalBar(),
            SampleFigures.Histogram(),
            SampleFigures.Heatmap(),
            SampleFigures.Lines(),
        ];
        var report = new FigureReport("Browser check", [.. figures, new HtmlTable(["a"], [["<script>x</script>"]])]);
        using var dir = TestPaths.CreateTempDirectory();
        var page = dir.Combine("report.html");
        await File.WriteAllTextAsync(page, WithValidation(report.ToHtml(), figures), ct);

        var dom = await DumpDomAsync(chromium, page, dir.Combine("profile"), ct);

        for (var i = 1; i <= figures.Length; i++)
            Assert.Contains($"id=\"figure-{i}\" class=\"js-plotly-plot\"", dom, StringComparison.Ordinal);
        Assert.True(Regex.Count(dom, "class=\"main-svg\"") >= figures.Length, "fewer plot SVGs than figures");
        var scatterTraces = Regex.Count(dom, "class=\"trace scatter");
        Assert.True(scatterTraces >= 3 + 2 + 2, $"{scatterTraces} scatter traces drawn");
        Assert.True(Regex.Count(dom, "class=\"trace bars\"") >= 2 + 2 + 1 + 2, "bar and histogram traces missing");
        var barShapes = Regex.Count(dom, "<g class=\"point\"><path d=\"M[^\"]+Z\"");
        Assert.True(barShapes >= 6 + 6 + 2, $"{barShapes} bar shapes drawn");
        var markers = Regex.Count(dom, "<path class=\"point\" transform=");
        Assert.True(markers >= 5 + 5 + 1 + 4, $"{markers} scatter markers drawn");
        Assert.Contains("class=\"hm\"", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", dom, StringComparison.Ordinal);

        var validation = Regex.Match(dom, "<pre id=\"validation\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(validation.Success, "the validation script did not run");
        var results = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(validation.Groups[1].Value)).RootElement;
        Assert.Equal(figures.Length, results.GetArrayLength());
        for (var i = 0; i < figures.Length; i++)
            Assert.True(results[i].ValueKind == JsonValueKind.Null, $"Plotly.validate on figure {i + 1}: {results[i]}");
    }

    /// <summary>Appends a script that runs Plotly.validate on each figure's JSON and prints the results.</summary>
    private static string WithValidation(string html, IReadOnlyList<Figure> figures)
    {
        var json = "[" + string.Join(",", figures.Select(f => PlotlyHtml.ScriptSafe(f.ToJson(indented: false)))) + "]";
        var script = $$"""
            <pre id="validation"></pre>
            <script>
            (function () {
              var figures = {{json}};
              var results = figures.map(function (f) { var r = Plotly.validate(f.data, f.layout); return r && r.length ? r.map(function (e) { return e.msg; }) : null; });
              document.getElementById('validation').textContent = JSON.stringify(results);
            })();
            </script>
            """;
        return html.Replace("</body>", script + "\n</body>", StringComparison.Ordinal);
    }

    private static async Task<string> DumpDomAsync(string chromium, string page, string profile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            $"--user-data-dir={profile}", "--virtual-time-budget=20000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BrowserTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var dom = await stdout;
        Assert.True(dom.Contains("</html>", StringComparison.Ordinal), $"chromium exited {process.ExitCode} without a DOM: {await stderr}");
        return dom;
    }
}
