using System.Text;
using System.Text.Json;
using Persona.Core.Import;

namespace Persona.Core.Tests.Import;

public sealed class JsonStringTailTests
{
    private static readonly JsonSerializerOptions Escaped = new();
    private static readonly JsonSerializerOptions Raw = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Get_LongEscapedString_IsASuffixOfTheDecodedStringAndLongEnough(int seed)
    {
        var random = new Random(seed);
        var pieces = new[] { "word ", "é ", "😀 ", "\"quoted\" ", "back\\slash ", "tab\t", "line\n", "\u3010x\u2020y\u3011 ", "日本語 " };
        var text = new StringBuilder();
        while (text.Length < 30_000)
            text.Append(pieces[random.Next(pieces.Length)]);
        foreach (var ascii in new[] { true, false })
        {
            var options = ascii ? Escaped : Raw;
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(text.ToString(), options));

            var tail = JsonStringTail.Get(document.RootElement, 2000);

            Assert.EndsWith(tail, text.ToString(), StringComparison.Ordinal);
            Assert.InRange(tail.Length, 2000, 30_000);
        }
    }

    [Fact]
    public void Get_ShortString_ReturnsAllOfIt()
    {
        using var document = JsonDocument.Parse("\"short \\u00e9 text\"");

        Assert.Equal("short é text", JsonStringTail.Get(document.RootElement, 2000));
    }
}
