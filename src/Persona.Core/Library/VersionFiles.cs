using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Persona.Core.Storage;

namespace Persona.Core.Library;

/// <summary>
/// A history folder of immutable version files <c>v000001.json</c>, <c>v000002.json</c>, …; the
/// highest number is the current version. Files are written atomically and never overwritten.
/// </summary>
internal static class VersionFiles
{
    public static IReadOnlyList<int> List(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        var versions = new List<int>();
        foreach (var file in Directory.EnumerateFiles(folder, "v*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length == 7 && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0)
                versions.Add(v);
        }

        versions.Sort();
        return versions;
    }

    public static int Latest(string folder)
    {
        var versions = List(folder);
        return versions.Count == 0 ? 0 : versions[^1];
    }

    public static async Task<T> ReadAsync<T>(string folder, int version, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ProfilePaths.VersionFileName(version));
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 14, FileOptions.Asynchronous);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{path}: empty version file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid version file (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}): {ex.Message}", ex);
        }
    }

    /// <summary>Writes version <paramref name="version"/>; refuses when it already exists (history is append-only).</summary>
    public static async Task AppendAsync<T>(string folder, int version, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ProfilePaths.VersionFileName(version));
        if (File.Exists(path))
            throw new PersonaLibraryException(PersonaLibraryError.Conflict, $"Version {version} already exists in {folder}.");
        await AtomicFile.WriteAsync(path, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, typeInfo, ct), cancellationToken).ConfigureAwait(false);
    }
}
