namespace Persona.Tensors.Formats;

/// <summary>One tensor of a GGUF file. <see cref="Shape"/> is in ggml order: Shape[0] is the contiguous row length.</summary>
internal sealed record GgufTensorInfo(string Name, long[] Shape, int GgmlType, long DataOffset)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
}
