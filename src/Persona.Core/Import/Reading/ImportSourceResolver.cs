using System.IO.Compression;

namespace Persona.Core.Import.Reading;

/// <summary>
/// Expands the paths a user names into readable sources: a file is read as it is (its format is
/// detected by content), a folder contributes its <c>conversations*.json</c> / <c>*.jsonl</c> files,
/// a zip archive (recognised by its signature) contributes the same members, read in place. Other <c>*.json</c>
/// files of a folder or zip are probed: read when their content is an export, ignored otherwise.
/// </summary>
internal static class ImportSourceResolver
{
    public static IReadOnlyList<ImportSource> Resolve(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<ImportSource>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsCandidate(Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                    throw new ImportInputException($"{path}: the folder holds no .json or .jsonl file");
                foreach (var file in files)
                    sources.AddRange(FromFile(file, probe: !IsExportMember(Path.GetRelativePath(path, file))));
            }
            else if (File.Exists(path))
            {
                sources.AddRange(FromFile(path, probe: false));
            }
            else
            {
                throw new FileNotFoundException($"{path}: no such file or folder", path);
            }
        }

        return sources;
    }

    /// <summary>True for the members of an export folder or zip that hold conversations.</summary>
    internal static bool IsExportMember(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        if (name.StartsWith('.') || relativePath.Split('/', '\\').Any(p => p.StartsWith("__MACOSX", StringComparison.Ordinal)))
            return false;
        return name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("conversations", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Any JSON or JSON Lines file that is not hidden or a macOS resource fork.</summary>
    internal static bool IsCandidate(string relativePath) =>
        IsExportMember(relativePath)
        || (Path.GetFileName(relativePath).EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && !Path.GetFileName(relativePath).StartsWith('.')
            && !relativePath.Split('/', '\\').Any(p => p.StartsWith("__MACOSX", StringComparison.Ordinal)));

    private static IEnumerable<ImportSource> FromFile(string path, bool probe)
    {
        if (!IsZip(path))
            return [new ImportSource(path, new FileInfo(path).Length, () => OpenFile(path), probe)];

        using var archive = OpenZip(path);
        var members = archive.Entries
            .Where(e => e.Length > 0 && !e.FullName.EndsWith('/') && IsCandidate(e.FullName))
            .Select(e => (e.FullName, e.Length, Probe: !IsExportMember(e.FullName)))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        if (members.Count == 0)
            throw new ImportInputException($"{path}: the zip archive holds no .json or .jsonl member");
        return members.Select(m => new ImportSource($"{path}!{m.FullName}", m.Length, () => OpenMember(path, m.FullName), m.Probe));
    }

    private static bool IsZip(string path)
    {
        using var stream = OpenFile(path);
        Span<byte> head = stackalloc byte[4];
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4
            && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    private static ZipArchive OpenZip(string path)
    {
        try
        {
            return new ZipArchive(OpenFile(path), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportInputException($"{path}: not a readable zip archive: {ex.Message}", ex);
        }
    }

    private static OwningStream OpenMember(string zipPath, string member)
    {
        // Read in place: nothing is extracted to disk, so member names cannot escape anywhere.
        var archive = OpenZip(zipPath);
        var entry = archive.GetEntry(member) ?? throw new ImportInputException($"{zipPath}: member {member} disappeared");
        return new OwningStream(entry.Open(), archive);
    }
}
