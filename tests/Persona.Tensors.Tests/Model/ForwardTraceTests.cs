using Persona.Tensors.Formats;
using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Tests.Formats;

namespace Persona.Tensors.Tests.Model;

public sealed class ForwardTraceTests
{
    [Fact]
    public async Task Forward_WithTrace_RecordsConsistentActivationsWithoutChangingLogits()
    {
        var loaded = await CheckpointLoader.LoadAsync(Path.Combine(HuggingFaceCheckpointTests.Fixtures, "tiny-qwen2"), TestContext.Current.CancellationToken);
        var model = new Transformer(loaded.Config, loaded.Weights);
        int[] tokens = [3, 66, 12, 45];
        var c = loaded.Config;
        var trace = new ForwardTrace();

        var traced = model.Forward(tokens, model.CreateCache(4), allLogits: true, trace);
        var plain = model.Forward(tokens, model.CreateCache(4), allLogits: true);

        Assert.Equal(plain, traced);
        Assert.Equal(c.Layers, trace.Layers.Count);
        var layer = trace.Layers[1];
        Assert.Equal(tokens.Length * c.QDim, layer.Q.Length);
        Assert.Equal(tokens.Length * c.HiddenDim, layer.Hidden.Length);
        Assert.Equal(trace.Layers[0].Middle.Length, layer.Input.Length);

        // Hidden = silu(Gate)·Up, and block 1's input is block 0's output (Middle + down(Hidden)).
        var expectedHidden = (float[])layer.Gate.Clone();
        ReferenceKernels.Instance.SwiGlu(expectedHidden, layer.Up, expectedHidden.Length);
        Assert.Equal(expectedHidden, layer.Hidden, new ToleranceComparer(1e-6f));
        var down = new float[tokens.Length * c.Dim];
        ReferenceKernels.Instance.MatMul(trace.Layers[0].Hidden, loaded.Weights.Layers[0].Down, null, down, tokens.Length, c.HiddenDim, c.Dim);
        Assert.Equal(trace.Layers[0].Middle.Select((m, i) => m + down[i]), layer.Input, new ToleranceComparer(1e-4f));
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(x));

        public int GetHashCode(float obj) => 0;
    }
}
