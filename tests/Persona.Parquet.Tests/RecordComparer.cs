namespace Persona.Parquet.Tests;

/// <summary>Compares <see cref="AllTypesRecord"/>s field by field (lists by content).</summary>
internal static class RecordComparer
{
    public static void Equal(IReadOnlyList<AllTypesRecord> expected, IReadOnlyList<AllTypesRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.Equal(e with { Tags = null, Labels = [] }, a with { Tags = null, Labels = [] });
            Assert.Equal(e.Tags is null, a.Tags is null);
            if (e.Tags is not null)
                Assert.Equal(e.Tags, a.Tags!);
            Assert.Equal(e.Labels, a.Labels);
        }
    }
}
