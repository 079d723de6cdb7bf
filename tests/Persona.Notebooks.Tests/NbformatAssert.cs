using System.Text.Json.Nodes;

namespace Persona.Notebooks.Tests;

/// <summary>The nbformat 4 schema rules that matter to readers (required keys, cell and output types).</summary>
internal static class NbformatAssert
{
    public static void Valid(JsonObject notebook)
    {
        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.IsType<JsonObject>(notebook["metadata"]);
        var minor = (int)notebook["nbformat_minor"]!;
        foreach (var cell in notebook["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            var type = (string?)cell["cell_type"];
            Assert.Contains(type, new[] { "code", "markdown", "raw" });
            Assert.IsType<JsonObject>(cell["metadata"]);
            Assert.True(cell["source"] is JsonArray or JsonValue);
            if (minor >= 5)
                Assert.NotNull(cell["id"]);
            if (type != "code")
            {
                Assert.False(cell.ContainsKey("outputs"));
                continue;
            }

            Assert.True(cell.ContainsKey("execution_count"));
            Assert.True(cell["execution_count"] is null || (int)cell["execution_count"]! > 0);
            foreach (var output in cell["outputs"]!.AsArray().Select(o => o!.AsObject()))
            {
                var keys = output.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
                switch ((string?)output["output_type"])
                {
                    case "stream":
                        Assert.Equal(["name", "output_type", "text"], keys);
                        Assert.Contains((string?)output["name"], new[] { "stdout", "stderr" });
                        break;
                    case "display_data":
                        Assert.Equal(["data", "metadata", "output_type"], keys);
                        Assert.NotEmpty(output["data"]!.AsObject());
                        break;
                    case "error":
                        Assert.Equal(["ename", "evalue", "output_type", "traceback"], keys);
                        Assert.IsType<JsonArray>(output["traceback"]);
                        break;
                    default:
                        Assert.Fail("unexpected output_type " + output["output_type"]);
                        break;
                }
            }
        }
    }
}
