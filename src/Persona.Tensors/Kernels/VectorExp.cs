using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Persona.Tensors.Kernels;

/// <summary>
/// e^x for 16 floats at once: x = n·ln2 + r with n = round(x·log2 e) and |r| ≤ ln2/2, a degree-6 minimax
/// polynomial for e^r (the classic Cephes expf coefficients), then 2^n put straight into the exponent bits.
/// Within 2 ulp of <see cref="MathF.Exp"/> for x in [-87.3, 88.3] (checked by the kernel tests); below
/// -87.3 it returns 0 (the true value is subnormal), above 88.3 it saturates near float.MaxValue.
/// </summary>
internal static class VectorExp
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;          // ln 2 split in two so n·Ln2High is exact
    private const float Ln2Low = -2.12194440e-4f;
    private const float MinInput = -87.33f;              // e^x < float.MinNormal below this
    private const float MaxInput = 88.3f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        var tooSmall = Vector512.LessThan(x, Vector512.Create(MinInput));
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(MinInput)), Vector512.Create(MaxInput));
        var n = Vector512.Round(x * Vector512.Create(Log2E));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2High), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Low), r);
        var p = Vector512.Create(1.9875691500e-4f);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var twoToN = (Vector512.ConvertToInt32(n) + Vector512.Create(127)) << 23;
        var result = p * twoToN.AsSingle();
        return Vector512.ConditionalSelect(tooSmall.AsSingle(), Vector512<float>.Zero, result);
    }
}
