namespace Persona.Parquet;

/// <summary>
/// A Parquet file is malformed, truncated, or uses a feature this codec does not implement.
/// <see cref="Offset"/> is the byte offset in the file where the problem was found, when known;
/// <see cref="Column"/> names the column concerned, when there is one.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    public ParquetFormatException()
    {
    }

    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ParquetFormatException(string message, long? offset, string? column = null, Exception? innerException = null)
        : base(Compose(message, offset, column), innerException)
    {
        Offset = offset;
        Column = column;
    }

    /// <summary>Byte offset in the file where the problem was detected, when known.</summary>
    public long? Offset { get; }

    /// <summary>The column concerned, when there is one.</summary>
    public string? Column { get; }

    private static string Compose(string message, long? offset, string? column)
    {
        var where = (column, offset) switch
        {
            (not null, not null) => $" (column '{column}', at byte offset {offset})",
            (not null, null) => $" (column '{column}')",
            (null, not null) => $" (at byte offset {offset})",
            _ => string.Empty,
        };
        return message + where;
    }
}
