using System.Text;

namespace Persona.Tensors.Tests.Formats;

/// <summary>Writes a vocabulary-only GGUF v3 file (no tensors), as llama.cpp's ggml-vocab-*.gguf test files are.</summary>
internal static class GgufVocabularyWriter
{
    public static void Write(string path, string model, string pre, IReadOnlyList<string> tokens, IReadOnlyList<int> tokenTypes, IReadOnlyList<string> merges)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write("GGUF"u8);
        writer.Write(3u);
        writer.Write(0L); // tensors
        writer.Write(6L); // metadata entries
        Key(writer, "general.architecture", 8);
        Text(writer, "llama");
        Key(writer, "tokenizer.ggml.model", 8);
        Text(writer, model);
        Key(writer, "tokenizer.ggml.pre", 8);
        Text(writer, pre);
        Key(writer, "tokenizer.ggml.tokens", 9);
        writer.Write(8);
        writer.Write((ulong)tokens.Count);
        foreach (var token in tokens)
            Text(writer, token);
        Key(writer, "tokenizer.ggml.token_type", 9);
        writer.Write(5);
        writer.Write((ulong)tokenTypes.Count);
        foreach (var type in tokenTypes)
            writer.Write(type);
        Key(writer, "tokenizer.ggml.merges", 9);
        writer.Write(8);
        writer.Write((ulong)merges.Count);
        foreach (var merge in merges)
            Text(writer, merge);
    }

    private static void Key(BinaryWriter writer, string key, int type)
    {
        Text(writer, key);
        writer.Write(type);
    }

    private static void Text(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }
}
