namespace Persona.Core.Import;

/// <summary>Progress of an import, reported while a file is read.</summary>
/// <param name="Path">The file being read.</param>
/// <param name="FileIndex">Zero-based index of the file among the inputs.</param>
/// <param name="FileCount">Number of input files (after expanding folders and zips).</param>
/// <param name="BytesRead">Bytes of this file read so far.</param>
/// <param name="TotalBytes">Size of this file, when known.</param>
/// <param name="Conversations">Conversations read from this file so far.</param>
/// <param name="Messages">Person messages read from this file so far.</param>
/// <param name="Done">True on the last report for this file.</param>
public readonly record struct ImportProgress(
    string Path,
    int FileIndex,
    int FileCount,
    long BytesRead,
    long? TotalBytes,
    int Conversations,
    int Messages,
    bool Done);
