using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Persona.Tensors.Kernels;

/// <summary>
/// A 16 × 16 float transpose in AVX-512 registers, for packing matrix operands whose rows run along the depth:
/// unpack pairs of rows inside 128-bit lanes, shuffle those into 4 × 4 blocks, then two rounds of lane
/// shuffles put the 4 × 4 blocks in place (64 shuffles for 256 values, against 256 scalar stores).
/// </summary>
internal static class Transpose16
{
    /// <summary>Whether <see cref="Block"/> can run here.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// Reads <paramref name="rows"/> (≤ 16) rows of 16 floats, row r at <c>src + r·ld</c> (missing rows count as
    /// zero), and writes column c as 16 floats at <c>dst + c·stride</c>, for c = 0…15 in that order: with a
    /// stride below 16 each store runs into the next column's place, which the next store then overwrites, so
    /// the caller must allow 16 − stride floats after the last column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Block(float* src, long ld, int rows, float* dst, int stride)
    {
        Vector512<float> Row(int r) => r < rows ? Vector512.Load(src + (r * ld)) : Vector512<float>.Zero;

        Vector512<float> r0 = Row(0), r1 = Row(1), r2 = Row(2), r3 = Row(3), r4 = Row(4), r5 = Row(5), r6 = Row(6), r7 = Row(7);
        Vector512<float> r8 = Row(8), r9 = Row(9), r10 = Row(10), r11 = Row(11), r12 = Row(12), r13 = Row(13), r14 = Row(14), r15 = Row(15);

        // rows 2i, 2i+1 interleaved within each 128-bit lane
        var t0 = Avx512F.UnpackLow(r0, r1);
        var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3);
        var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5);
        var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7);
        var t7 = Avx512F.UnpackHigh(r6, r7);
        var t8 = Avx512F.UnpackLow(r8, r9);
        var t9 = Avx512F.UnpackHigh(r8, r9);
        var t10 = Avx512F.UnpackLow(r10, r11);
        var t11 = Avx512F.UnpackHigh(r10, r11);
        var t12 = Avx512F.UnpackLow(r12, r13);
        var t13 = Avx512F.UnpackHigh(r12, r13);
        var t14 = Avx512F.UnpackLow(r14, r15);
        var t15 = Avx512F.UnpackHigh(r14, r15);

        // u[4g + c], lane L = column 4L + c of rows 4g…4g+3
        var u0 = Avx512F.Shuffle(t0, t2, 0x44);
        var u1 = Avx512F.Shuffle(t0, t2, 0xEE);
        var u2 = Avx512F.Shuffle(t1, t3, 0x44);
        var u3 = Avx512F.Shuffle(t1, t3, 0xEE);
        var u4 = Avx512F.Shuffle(t4, t6, 0x44);
        var u5 = Avx512F.Shuffle(t4, t6, 0xEE);
        var u6 = Avx512F.Shuffle(t5, t7, 0x44);
        var u7 = Avx512F.Shuffle(t5, t7, 0xEE);
        var u8 = Avx512F.Shuffle(t8, t10, 0x44);
        var u9 = Avx512F.Shuffle(t8, t10, 0xEE);
        var u10 = Avx512F.Shuffle(t9, t11, 0x44);
        var u11 = Avx512F.Shuffle(t9, t11, 0xEE);
        var u12 = Avx512F.Shuffle(t12, t14, 0x44);
        var u13 = Avx512F.Shuffle(t12, t14, 0xEE);
        var u14 = Avx512F.Shuffle(t13, t15, 0x44);
        var u15 = Avx512F.Shuffle(t13, t15, 0xEE);

        // for each c, a 4 × 4 transpose of 128-bit lanes over u[c], u[4+c], u[8+c], u[12+c]
        Columns(u0, u4, u8, u12, out var c0, out var c4, out var c8, out var c12);
        Columns(u1, u5, u9, u13, out var c1, out var c5, out var c9, out var c13);
        Columns(u2, u6, u10, u14, out var c2, out var c6, out var c10, out var c14);
        Columns(u3, u7, u11, u15, out var c3, out var c7, out var c11, out var c15);

        c0.Store(dst);
        c1.Store(dst + stride);
        c2.Store(dst + (2 * stride));
        c3.Store(dst + (3 * stride));
        c4.Store(dst + (4 * stride));
        c5.Store(dst + (5 * stride));
        c6.Store(dst + (6 * stride));
        c7.Store(dst + (7 * stride));
        c8.Store(dst + (8 * stride));
        c9.Store(dst + (9 * stride));
        c10.Store(dst + (10 * stride));
        c11.Store(dst + (11 * stride));
        c12.Store(dst + (12 * stride));
        c13.Store(dst + (13 * stride));
        c14.Store(dst + (14 * stride));
        c15.Store(dst + (15 * stride));
    }

    // lanes: a = [a0 a1 a2 a3] … → l0 = [a0 b0 c0 d0], l1 = [a1 b1 c1 d1], l2 = […2], l3 = […3]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d, out Vector512<float> l0, out Vector512<float> l1, out Vector512<float> l2, out Vector512<float> l3)
    {
        var v0 = Avx512F.Shuffle4x128(a, b, 0x88); // a0 a2 b0 b2
        var v1 = Avx512F.Shuffle4x128(a, b, 0xDD); // a1 a3 b1 b3
        var v2 = Avx512F.Shuffle4x128(c, d, 0x88); // c0 c2 d0 d2
        var v3 = Avx512F.Shuffle4x128(c, d, 0xDD); // c1 c3 d1 d3
        l0 = Avx512F.Shuffle4x128(v0, v2, 0x88);   // a0 b0 c0 d0
        l2 = Avx512F.Shuffle4x128(v0, v2, 0xDD);   // a2 b2 c2 d2
        l1 = Avx512F.Shuffle4x128(v1, v3, 0x88);   // a1 b1 c1 d1
        l3 = Avx512F.Shuffle4x128(v1, v3, 0xDD);   // a3 b3 c3 d3
    }
}
