using Persona.Core.Clustering;

namespace Persona.Core.Training;

public static partial class LoraDataInputReader
{
    /// <summary>Reads a cluster message file through <see cref="ClusterMessageFile"/>; skipped lines become diagnostics.</summary>
    internal static async Task<List<SourceMessage>> ReadClusterFileAsync(string path, string displayName, List<LoraDataDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var read = await ClusterMessageFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        var fileName = displayName.Replace('\\', '/');
        diagnostics.AddRange(read.Problems.Select(problem => new LoraDataDiagnostic(fileName, problem.Line, problem.Message)));
        return [.. read.Messages.Select(m => new SourceMessage(m.MessageId, m.ConversationId, m.CreatedAt, m.Text, m.Context))];
    }
}
