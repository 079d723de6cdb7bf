using Persona.Core.Storage;
using Persona.Parquet;

namespace Persona.Core.Clustering;

/// <summary><c>clusters/assignments.parquet</c>: message_id, cluster, cluster_name, distance, margin, weak, x, y.</summary>
public static class ClusterAssignmentsDataset
{
    public static ParquetMap<MessageAssignment> Map { get; } = new ParquetMapBuilder<MessageAssignment>()
        .Column("message_id", a => a.MessageId)
        .Column("cluster", a => a.Cluster)
        .Column("cluster_name", a => a.ClusterName)
        .Column("distance", a => a.Distance)
        .Column("margin", a => a.Margin)
        .Column("weak", a => a.Weak)
        .Column("x", a => a.X)
        .Column("y", a => a.Y)
        .Build(row => new MessageAssignment(row.GetString(0), row.GetInt32(1), row.GetString(2), row.GetDouble(3), row.GetDouble(4), row.GetBoolean(5), row.GetDouble(6), row.GetDouble(7)));

    public static async Task<IReadOnlyList<MessageAssignment>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rows = new List<MessageAssignment>();
        try
        {
            await foreach (var row in ParquetFile.ReadAsync(path, Map, cancellationToken).ConfigureAwait(false))
                rows.Add(row);
        }
        catch (ParquetFormatException ex)
        {
            throw new InvalidDataException($"{path}: not a readable assignments dataset: {ex.Message}", ex);
        }

        return rows;
    }

    public static Task WriteAsync(string path, IEnumerable<MessageAssignment> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteAsync(path, (stream, ct) => ParquetFile.WriteAsync(stream, rows, Map, cancellationToken: ct), cancellationToken);
    }
}
