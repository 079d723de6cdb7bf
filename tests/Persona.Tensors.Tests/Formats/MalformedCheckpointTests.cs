using System.Buffers.Binary;
using System.Text;
using Persona.Tensors.Formats;
using Persona.Tests;

namespace Persona.Tensors.Tests.Formats;

/// <summary>Broken files give a <see cref="ModelFormatException"/> naming the place, never a crash or a huge allocation.</summary>
public sealed class MalformedCheckpointTests
{
    [Fact]
    public async Task Load_TruncatedLlama2cBin_NamesSizeMismatch()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var source = await File.ReadAllBytesAsync(TestPaths.RequireShared("models", "stories260K", "stories260K.bin"), TestContext.Current.CancellationToken);
        var path = temp.Combine("cut.bin");
        await File.WriteAllBytesAsync(path, source[..50_000], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => CheckpointLoader.LoadAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains("cut.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("1056540", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_GgufClaimingBillionsOfKeys_FailsBeforeAllocating()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var bytes = new byte[64];
        "GGUF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 3);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), 0);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), long.MaxValue / 2);
        var path = temp.Combine("huge.gguf");
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => CheckpointLoader.LoadAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains("offset 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_GgufWithCorruptedBytes_OnlyEverRaisesFormatErrors()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var source = await File.ReadAllBytesAsync(TestPaths.RequireShared("models", "stories260K", "stories260K.gguf"), TestContext.Current.CancellationToken);
        var random = new Random(12345);
        for (var round = 0; round < 60; round++)
        {
            var bytes = (byte[])source.Clone();
            if (round % 3 == 0)
            {
                bytes = bytes[..random.Next(0, 14_300)]; // cut inside the header or the first tensor
            }
            else
            {
                for (var flips = 0; flips < 4; flips++)
                    bytes[random.Next(0, 14_176)] = (byte)random.Next(256); // the metadata and tensor infos
            }

            var path = temp.Combine($"fuzz{round}.gguf");
            await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
            try
            {
                await CheckpointLoader.LoadAsync(path, TestContext.Current.CancellationToken);
            }
            catch (ModelFormatException)
            {
                // expected for most rounds
            }
        }
    }

    [Theory]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,64]}}", "data_offsets")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", "'w' spans 16 bytes")]
    [InlineData("{\"w\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}", "dtype I64")]
    [InlineData("{not json", "not valid JSON")]
    public async Task Load_BadSafetensorsHeader_NamesTheProblem(string header, string expected)
    {
        using var temp = TestPaths.CreateTempDirectory();
        var dir = temp.Combine("model");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(HuggingFaceCheckpointTests.Fixtures, "tiny-llama", "config.json"), Path.Combine(dir, "config.json"));
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + 16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        await File.WriteAllBytesAsync(Path.Combine(dir, "model.safetensors"), bytes, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => CheckpointLoader.LoadAsync(dir, TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingTensor_NamesTheTensor()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var dir = temp.Combine("model");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(HuggingFaceCheckpointTests.Fixtures, "tiny-llama", "config.json"), Path.Combine(dir, "config.json"));
        var json = "{\"model.embed_tokens.weight\":{\"dtype\":\"F32\",\"shape\":[61,64],\"data_offsets\":[0,15616]}}"u8.ToArray();
        var bytes = new byte[8 + json.Length + 15616];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        await File.WriteAllBytesAsync(Path.Combine(dir, "model.safetensors"), bytes, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => CheckpointLoader.LoadAsync(dir, TestContext.Current.CancellationToken));

        Assert.Contains("model.layers.0.input_layernorm.weight", error.Message, StringComparison.Ordinal);
    }
}
