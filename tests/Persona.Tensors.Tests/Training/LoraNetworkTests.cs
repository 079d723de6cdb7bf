using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Training;

namespace Persona.Tensors.Tests.Training;

/// <summary>The whole LoRA backward pass against finite differences of the loss, and the forward against the engine.</summary>
public sealed class LoraNetworkTests
{
    private static readonly int[] Ids = [1, 4, 7, 2, 9, 3, 3, 10, 0, 5];
    private static readonly bool[] Targets = [false, false, false, true, true, false, true, true, true, true];

    [Theory]
    [InlineData(RopeStyle.HalfSplit, false)]
    [InlineData(RopeStyle.Interleaved, false)]
    [InlineData(RopeStyle.HalfSplit, true)]
    public void Gradients_AllTargets_MatchFiniteDifferences(RopeStyle style, bool bias)
    {
        var config = TinyModels.Config(style, bias, bias ? ModelArchitecture.Qwen2 : ModelArchitecture.Llama);
        var weights = TinyModels.Weights(config, 42);
        var adapter = TinyModels.Adapter(config, new LoraOptions { Rank = 3, Alpha = 6, Targets = LoraTargets.All }, 7);
        var network = new LoraNetwork(config, weights, adapter);
        var gradients = new LoraGradients(adapter);
        var loss = network.ForwardBackward(Ids, Targets, 1f, gradients, null);
        Assert.Equal(6, loss.Tokens);

        const float H = 1e-2f;
        var worst = 0.0;
        for (var p = 0; p < adapter.Pairs.Count; p++)
        {
            var pair = adapter.Pairs[p];
            foreach (var (matrix, grad) in new[] { (pair.A, gradients.GradA[p]), (pair.B, gradients.GradB[p]) })
            {
                var scale = grad.Max(MathF.Abs) + 1e-3;
                for (var i = 0; i < matrix.Length; i += 5)
                {
                    var saved = matrix[i];
                    matrix[i] = saved + H;
                    var plus = network.Loss(Ids, Targets).Sum;
                    matrix[i] = saved - H;
                    var minus = network.Loss(Ids, Targets).Sum;
                    matrix[i] = saved;
                    var numeric = (plus - minus) / (2 * H);
                    worst = Math.Max(worst, Math.Abs(numeric - grad[i]) / scale);
                }
            }
        }

        Assert.True(worst < 5e-3, $"largest LoRA gradient error {worst:E2} of the gradient scale");
    }

    [Fact]
    public void ForwardBackward_AfterALongerSequence_EqualsAFreshNetwork()
    {
        // the workspace sized by the first, longer call is reused: stale activations must not leak into the next one
        var config = TinyModels.Config(RopeStyle.HalfSplit);
        var weights = TinyModels.Weights(config, 5);
        var adapter = TinyModels.Adapter(config, new LoraOptions { Rank = 2, Alpha = 4, Targets = LoraTargets.All }, 11);
        var longIds = Enumerable.Range(0, 30).Select(i => (i * 7) % 11).ToArray();
        var reused = new LoraNetwork(config, weights, adapter);
        _ = reused.ForwardBackward(longIds, longIds.Select(_ => true).ToArray(), 1f, new LoraGradients(adapter), null);
        var second = new LoraGradients(adapter);
        var reusedLoss = reused.ForwardBackward(Ids, Targets, 1f, second, null);

        var fresh = new LoraGradients(adapter);
        var freshLoss = new LoraNetwork(config, weights, adapter).ForwardBackward(Ids, Targets, 1f, fresh, null);

        Assert.Equal(freshLoss.Sum, reusedLoss.Sum);
        for (var p = 0; p < adapter.Pairs.Count; p++)
        {
            Assert.Equal(fresh.GradA[p], second.GradA[p]);
            Assert.Equal(fresh.GradB[p], second.GradB[p]);
        }
    }

    [Fact]
    public void Logits_MatchTheEngineOnMergedWeights()
    {
        var config = TinyModels.Config(RopeStyle.Interleaved);
        var weights = TinyModels.Weights(config, 3);
        var adapter = TinyModels.Adapter(config, new LoraOptions { Rank = 2, Alpha = 4, Targets = LoraTargets.All }, 9);
        var logits = new LoraNetwork(config, weights, adapter).Logits(Ids);

        var engine = new Transformer(config, adapter.MergeInto(weights), ReferenceKernels.Instance);
        var expected = engine.Forward(Ids, engine.CreateCache(), allLogits: true);

        Assert.Equal(expected.Length, logits.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], logits[i], 1e-4f);
    }

    [Fact]
    public void Dropout_GradientsMatchFiniteDifferencesUnderTheSameMask()
    {
        var config = TinyModels.Config();
        var weights = TinyModels.Weights(config, 5);
        var adapter = TinyModels.Adapter(config, new LoraOptions { Rank = 2, Alpha = 2, Dropout = 0.3f, Targets = [LoraTarget.Value, LoraTarget.Down] }, 11);
        var network = new LoraNetwork(config, weights, adapter);
        var gradients = new LoraGradients(adapter);
        double LossWithMask()
        {
            var scratch = new LoraGradients(adapter);
            return network.ForwardBackward(Ids, Targets, 0f, scratch, new TrainingRandom(99)).Sum;
        }

        var base0 = network.ForwardBackward(Ids, Targets, 1f, gradients, new TrainingRandom(99));
        Assert.NotEqual(base0.Sum, network.Loss(Ids, Targets).Sum); // the mask changes the loss
        var pair = adapter.Pairs[0];
        const float H = 1e-2f;
        var scale = gradients.GradA[0].Max(MathF.Abs);
        for (var i = 0; i < pair.A.Length; i += 3)
        {
            var saved = pair.A[i];
            pair.A[i] = saved + H;
            var plus = LossWithMask();
            pair.A[i] = saved - H;
            var minus = LossWithMask();
            pair.A[i] = saved;
            var numeric = (plus - minus) / (2 * H);
            Assert.True(Math.Abs(numeric - gradients.GradA[0][i]) < 5e-3 * scale, $"A[{i}]: numeric {numeric}, analytic {gradients.GradA[0][i]}");
        }
    }
}
