using System.Text;
using Persona.Core.Import.Reading;

namespace Persona.Core.Tests.Import.Reading;

public sealed class JsonItemReaderTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(1 << 20)]
    public async Task Read_ArrayWithTinyBuffer_YieldsEveryItemWithOffsets(int bufferSize)
    {
        var items = Enumerable.Range(0, 50).Select(i => $"{{\"id\":{i},\"text\":\"{new string('x', i * 7)}\",\"nested\":{{\"a\":[1,2,{{\"b\":null}}]}}}}").ToList();
        var json = "\uFEFF[ " + string.Join(" ,\n", items) + " ]\n";
        var bytes = Encoding.UTF8.GetBytes(json);
        using var reader = new JsonItemReader(new MemoryStream(bytes), "t.json", bufferSize);

        var seen = new List<int>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } item)
        {
            seen.Add(item.Element.GetProperty("id").GetInt32());
            Assert.Equal((byte)'{', bytes[item.Offset]);
        }

        Assert.Equal(Enumerable.Range(0, 50), seen);
        Assert.Equal(JsonItemLayout.Array, reader.Layout);
    }

    [Fact]
    public async Task Read_JsonLines_YieldsEachValue()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}\n{\"a\":2}\r\n\n{\"a\":3}");
        using var reader = new JsonItemReader(new MemoryStream(bytes), "t.jsonl", 16);

        var seen = new List<int>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } item)
            seen.Add(item.Element.GetProperty("a").GetInt32());

        Assert.Equal([1, 2, 3], seen);
        Assert.Equal(JsonItemLayout.Values, reader.Layout);
    }

    [Theory]
    [InlineData("[{\"a\":1},{\"a\":", "byte 14 (file ends at byte 14; truncated?)")]
    [InlineData("[{\"a\":1}] trailing", "not valid JSON near byte 10")]
    [InlineData("[{\"a\":1},{\"a\" 2}]", "not valid JSON near byte")]
    [InlineData("   ", "empty")]
    [InlineData("\"just a string\"", "expected a JSON array or object at byte 0")]
    public async Task Read_BadJson_ThrowsWithFileAndByteOffset(string json, string fragment)
    {
        using var reader = new JsonItemReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json", 16);

        var ex = await Assert.ThrowsAsync<ImportInputException>(async () =>
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken) is not null)
            {
            }
        });

        Assert.StartsWith("bad.json: ", ex.Message);
        Assert.Contains(fragment, ex.Message);
    }
}
