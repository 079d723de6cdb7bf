using System.Text.Json;
using Persona.Tensors.Formats;
using Persona.Tensors.Tests.Formats;
using Persona.Tensors.Training;

namespace Persona.Tensors.Tests.Training;

/// <summary>
/// The trainer's loss and LoRA gradients against an independent PyTorch autograd run
/// (Fixtures/make_lora_gradients.py, float64): the committed tiny Llama (bf16, llama3 rope) and Qwen2 (f16,
/// q/k/v bias, tied) checkpoints, a fixed PEFT adapter on all seven projections, loss on assistant tokens only.
/// </summary>
public sealed class PyTorchGradientTests
{
    [Theory]
    [InlineData("tiny-llama")]
    [InlineData("tiny-qwen2")]
    public async Task LossAndGradients_MatchPyTorchAutograd(string model)
    {
        var ct = TestContext.Current.CancellationToken;
        var fixtures = HuggingFaceCheckpointTests.Fixtures;
        var loaded = await CheckpointLoader.LoadAsync(Path.Combine(fixtures, model), ct);
        var adapter = await LoraExport.ReadPeftAsync(Path.Combine(fixtures, "lora-grad", model), loaded.Config, ct);
        Assert.Equal(7, adapter.Options.Targets.Count);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(fixtures, "lora_gradients.json"), ct));
        var expected = document.RootElement.GetProperty("models").GetProperty(model);
        var ids = expected.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var targets = expected.GetProperty("targets").EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();
        var example = new TrainingExample(ids, targets);
        Assert.Equal(expected.GetProperty("target_tokens").GetInt32(), example.TargetCount);

        var network = new LoraNetwork(loaded.Config, loaded.Weights, adapter);
        var gradients = new LoraGradients(adapter);
        var loss = network.ForwardBackward(ids, targets, 1f / example.TargetCount, gradients, null);

        var expectedLoss = expected.GetProperty("loss").GetDouble();
        Assert.True(Math.Abs(loss.Mean - expectedLoss) <= 1e-5 * Math.Abs(expectedLoss), $"loss {loss.Mean} vs PyTorch {expectedLoss}");
        var reference = expected.GetProperty("gradients");
        var compared = 0;
        for (var p = 0; p < adapter.Pairs.Count; p++)
        {
            var pair = adapter.Pairs[p];
            var key = $"model.layers.{pair.Layer}.{LoraTargets.PeftPath(pair.Target)}";
            foreach (var (suffix, actual) in new[] { (".lora_A", gradients.GradA[p]), (".lora_B", gradients.GradB[p]) })
            {
                var want = reference.GetProperty(key + suffix).EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.Equal(want.Length, actual.Length);
                double diff = 0, norm = 0, worst = 0, scale = want.Max(Math.Abs);
                for (var i = 0; i < want.Length; i++)
                {
                    diff += (actual[i] - want[i]) * (actual[i] - want[i]);
                    norm += want[i] * want[i];
                    worst = Math.Max(worst, Math.Abs(actual[i] - want[i]));
                }

                Assert.True(norm > 0, $"{key}{suffix}: the reference gradient is zero, the check would be empty");
                var relative = Math.Sqrt(diff / norm);
                Assert.True(relative < 1e-4, $"{key}{suffix}: ‖Δ‖/‖g‖ = {relative:E2}");
                Assert.True(worst <= 1e-4 * scale, $"{key}{suffix}: max |Δ| = {worst:E2}, largest |g| = {scale:E2}");
                compared++;
            }
        }

        Assert.Equal(2 * 7 * loaded.Config.Layers, compared);
    }
}
