using System.Text;
using System.Text.Json;
using Persona.Core.Import.Reading;
using Persona.Tests;

namespace Persona.Core.Tests.Import.Reading;

/// <summary>
/// <see cref="JsonTokenReader"/> is checked against <see cref="Utf8JsonReader"/> (the oracle): whatever it reads to the
/// end, the framework reader reads with the same tokens; whatever the framework reader rejects, it does not finish.
/// </summary>
public sealed class JsonTokenReaderTests
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip };

    [Theory]
    [InlineData("""{"a": [1, -2.5e+3, 0, -0.0, 1E9, true, false, null, "x\n\"\\\/\b\f\r\t\u00e9\ud83d\ude00"], "": {}, "b": []}""")]
    [InlineData("""[ { } , [ ] , "" , 12 ]""")]
    [InlineData(" {\r\n\t\"k\" \t:\n \"v\" } ")]
    [InlineData("""{"dup": 1, "dup": {"dup": [[[]]]}}""")]
    public void Read_ValidJson_SameTokensAsUtf8JsonReader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var tokens = ReadAll(bytes, isFinalBlock: true, out var status, out var consumed);

        Assert.Equal(JsonTokenReaderStatus.Reading, status);
        Assert.Equal(Oracle(bytes, consumed), tokens);
    }

    [Theory]
    [InlineData("""{"a": 01}""")]
    [InlineData("""{"a": 1.}""")]
    [InlineData("""{"a": .5}""")]
    [InlineData("""{"a": -}""")]
    [InlineData("""{"a": +1}""")]
    [InlineData("""{"a": 1e}""")]
    [InlineData("""{"a": 1x}""")]
    [InlineData("""{"a": tru}""")]
    [InlineData("""{"a": nul}""")]
    [InlineData("""{"a": "\x"}""")]
    [InlineData("""{"a": "\u12g4"}""")]
    [InlineData("""{"a" 1}""")]
    [InlineData("""{"a": 1,}""")]
    [InlineData("""[1,]""")]
    [InlineData("""{"a": 1 "b": 2}""")]
    [InlineData("""{1: 2}""")]
    [InlineData("""{"a": [}""")]
    [InlineData("""{"a": 'x'}""")]
    [InlineData("{\"a\": \"tab\tinside\"}")]
    public void Read_MalformedJson_StopsUnsupportedWhereUtf8JsonReaderThrows(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        ReadAll(bytes, isFinalBlock: true, out var status, out _);

        Assert.Equal(JsonTokenReaderStatus.Unsupported, status);
        Assert.ThrowsAny<JsonException>(() => Oracle(bytes, bytes.Length));
    }

    [Theory]
    [InlineData("{\"a\": 1 /* comment */}")]
    [InlineData("{\"a\": 1, // comment\n \"b\": 2}")]
    [InlineData("{\"\\u0061\": 1}")]
    public void Read_OutsideTheSubset_StopsUnsupported(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new JsonTokenReader(bytes, 0, isFinalBlock: true);
        reader.Read();

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
                reader.ValueTextEquals("a"u8);
        }

        Assert.Equal(JsonTokenReaderStatus.Unsupported, reader.Status);
    }

    [Fact]
    public void Read_DeeperThanMaxDepth_StopsUnsupported()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', JsonTokenReader.MaxDepth + 1) + new string(']', JsonTokenReader.MaxDepth + 1));
        var shallow = Encoding.UTF8.GetBytes(new string('[', JsonTokenReader.MaxDepth) + new string(']', JsonTokenReader.MaxDepth));

        ReadAll(deep, isFinalBlock: true, out var deepStatus, out _);
        ReadAll(shallow, isFinalBlock: true, out var shallowStatus, out _);

        Assert.Equal(JsonTokenReaderStatus.Unsupported, deepStatus);
        Assert.Equal(JsonTokenReaderStatus.Reading, shallowStatus);
    }

    [Fact]
    public void Read_DataCutAnywhere_NeedsMoreDataOrReadsOnlyWhatIsThere()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"t": "a\"b\\c\u00e9\ud83d\ude00", "n": [-12.5e-3, 0, true, false, null], "o": {"k": "v"}}""");
        var whole = ReadAll(bytes, isFinalBlock: true, out _, out _);

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var partial = ReadAll(bytes.AsSpan(0, cut), isFinalBlock: false, out var status, out _);
            var truncated = ReadAll(bytes.AsSpan(0, cut), isFinalBlock: true, out var finalStatus, out _);

            Assert.Equal(JsonTokenReaderStatus.NeedsMoreData, status);
            Assert.Equal(JsonTokenReaderStatus.Unsupported, finalStatus);
            Assert.Equal(whole.Take(partial.Count), partial);
            Assert.Equal(partial, truncated);
        }
    }

    [Theory]
    [InlineData("librechat-chatgpt-export.json", 1)]
    [InlineData("librechat-chatgpt-modern-export.json", 2)]
    [InlineData("librechat-chatgpt-tree.json", 3)]
    [InlineData("osteele-claude-bakery-chat.json", 4)]
    [InlineData("librechat-chatgpt-citations.json", 5)]
    public void Read_MutatedExports_NeverFinishesWhatUtf8JsonReaderRejects(string corpusFile, int seed)
    {
        var original = File.ReadAllBytes(TestPaths.RequireShared("corpora", corpusFile));
        var random = new Random(seed);
        var agreed = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = Mutate(original, random);

            var tokens = ReadAll(bytes, isFinalBlock: true, out var status, out var consumed);

            List<string>? oracle;
            try
            {
                oracle = Oracle(bytes, status == JsonTokenReaderStatus.Reading ? consumed : bytes.Length);
            }
            catch (JsonException)
            {
                oracle = null;
            }

            if (status == JsonTokenReaderStatus.Reading)
            {
                Assert.NotNull(oracle);
                Assert.Equal(oracle, tokens);
                agreed++;
            }
        }

        // Mutations inside string contents keep the JSON valid, so both outcomes are exercised.
        Assert.InRange(agreed, 1, 300);
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("esc \\n \\t \\\" \\\\ \\/ \\b \\f \\r")]
    [InlineData("\\u00e9 \\u3010 \\ud83d\\ude00 é 日本")]
    [InlineData("\\u0000")]
    public void DecodeContent_EscapedStrings_DecodesAsUtf8JsonReader(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);

        var decoded = Persona.Core.Import.RawJsonString.DecodeContent(bytes, escaped: content.Contains('\\'));

        Assert.Equal(OracleString(bytes), decoded);
    }

    [Theory]
    [InlineData("lone \\ud83d high")]
    [InlineData("lone \\ude00 low")]
    [InlineData("pair \\ud83d\\u0041 broken")]
    [InlineData("invalid \xff utf8 \\n")]
    public void DecodeContent_InvalidEscapedStrings_ThrowsAsUtf8JsonReader(string content)
    {
        var bytes = content.Select(c => (byte)c).ToArray();

        var expected = Assert.ThrowsAny<InvalidOperationException>(() => OracleString(bytes));
        var actual = Assert.ThrowsAny<InvalidOperationException>(() => Persona.Core.Import.RawJsonString.DecodeContent(bytes, escaped: true));

        Assert.Equal(expected.Message, actual.Message);
    }

    /// <summary>Every token the reader reads from the value at the start of <paramref name="data"/>, described as text.</summary>
    private static List<string> ReadAll(ReadOnlySpan<byte> data, bool isFinalBlock, out JsonTokenReaderStatus status, out int consumed)
    {
        var tokens = new List<string>();
        var reader = new JsonTokenReader(data, 0, isFinalBlock);
        while (reader.Read())
        {
            tokens.Add(Describe(reader.TokenType, reader.TokenStartIndex, reader.ValueSpan, reader.ValueIsEscaped, reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? TryGetString(ref reader) : null));
            if (reader.TokenType == JsonTokenType.Number)
                tokens.Add(reader.TryGetDouble(out var value) ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "no double");
        }

        status = reader.Status;
        consumed = (int)reader.BytesConsumed;
        return tokens;
    }

    /// <summary>The same description from <see cref="Utf8JsonReader"/> over the first <paramref name="length"/> bytes.</summary>
    private static List<string> Oracle(byte[] data, int length)
    {
        var tokens = new List<string>();
        var reader = new Utf8JsonReader(data.AsSpan(0, length), Options);
        while (reader.Read())
        {
            string? text = null;
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                try
                {
                    text = reader.GetString();
                }
                catch (InvalidOperationException ex)
                {
                    text = "error: " + ex.Message;
                }
            }

            tokens.Add(Describe(reader.TokenType, reader.TokenStartIndex, reader.ValueSpan, reader.ValueIsEscaped, text));
            if (reader.TokenType == JsonTokenType.Number)
                tokens.Add(reader.TryGetDouble(out var value) ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "no double");
        }

        return tokens;
    }

    private static string? TryGetString(ref JsonTokenReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            return "error: " + ex.Message;
        }
    }

    private static string Describe(JsonTokenType type, long start, ReadOnlySpan<byte> value, bool escaped, string? text) =>
        type is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number
            ? $"{type}@{start}:{Convert.ToHexString(value)}:{escaped}:{text}"
            : $"{type}@{start}";

    private static string OracleString(byte[] content)
    {
        var quoted = new byte[content.Length + 2];
        quoted[0] = (byte)'"';
        content.CopyTo(quoted, 1);
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                var changed = (byte[])original.Clone();
                for (var k = random.Next(1, 4); k > 0; k--)
                    changed[random.Next(changed.Length)] = (byte)random.Next(256);
                return changed;
            case 1:
                var start = random.Next(original.Length);
                var length = Math.Min(original.Length - start, random.Next(1, 20));
                return [.. original.AsSpan(0, start), .. original.AsSpan(start + length)];
            case 2:
                var tokens = new[] { "\\", "\\u", "\\ud800", "\"", "0", "-", ".", "e", "1", ",", ":", "{", "}", "[", "]", "/*", "\t", "\u0001" };
                var at = random.Next(original.Length);
                return [.. original.AsSpan(0, at), .. Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]), .. original.AsSpan(at)];
            default:
                // Swap a structural or number byte for another one.
                var swapped = (byte[])original.Clone();
                int position;
                do
                {
                    position = random.Next(swapped.Length);
                }
                while (swapped[position] is not ((byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)'"' or (byte)':' or (byte)',' or (byte)'.' or (>= (byte)'0' and <= (byte)'9')));
                swapped[position] = "{}[]\":,.0-e\\"u8[random.Next(12)];
                return swapped;
        }
    }
}
