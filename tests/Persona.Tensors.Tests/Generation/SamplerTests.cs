using Persona.Tensors.Generation;

namespace Persona.Tensors.Tests.Generation;

public sealed class SamplerTests
{
    private static readonly float[] Logits = [1f, 3f, 2.5f, -1f, 3f, 0f];

    [Fact]
    public void Next_Greedy_TakesFirstMaximum()
    {
        Assert.Equal(1, new Sampler(SamplingOptions.Greedy).Next(Logits));
    }

    [Fact]
    public void Next_SameSeed_SameSequence()
    {
        var options = new SamplingOptions { Temperature = 1.5f, Seed = 42 };
        var a = new Sampler(options);
        var b = new Sampler(options);
        var first = Enumerable.Range(0, 50).Select(_ => a.Next(Logits)).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 50).Select(_ => b.Next(Logits)).ToArray());
        Assert.True(first.Distinct().Count() > 2, "temperature sampling should visit several tokens");
    }

    [Fact]
    public void Next_SmallTopP_OnlyDrawsFromTheNucleus()
    {
        // p(1) = p(4) ≈ 0.35 each at T=1; top-p 0.5 keeps exactly those two.
        var sampler = new Sampler(new SamplingOptions { Temperature = 1f, TopP = 0.5f, Seed = 1 });
        var drawn = Enumerable.Range(0, 200).Select(_ => sampler.Next(Logits)).ToHashSet();
        Assert.Equal([1, 4], drawn.Order());
    }

    [Theory]
    [InlineData(-1f, 1f)]
    [InlineData(1f, 0f)]
    [InlineData(1f, 1.5f)]
    [InlineData(float.NaN, 1f)]
    public void Constructor_InvalidOptions_Throws(float temperature, float topP)
    {
        Assert.Throws<ArgumentException>(() => new Sampler(new SamplingOptions { Temperature = temperature, TopP = topP }));
    }
}
