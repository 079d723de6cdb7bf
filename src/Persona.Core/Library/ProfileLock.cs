namespace Persona.Core.Library;

/// <summary>
/// Exclusive lock on one profile across processes: a lock file opened with <see cref="FileShare.None"/>.
/// The operating system releases it when the holder exits, even when killed, so a crash never leaves
/// the profile locked.
/// </summary>
internal sealed class ProfileLock : IDisposable
{
    private readonly FileStream _stream;

    private ProfileLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<ProfileLock> AcquireAsync(string lockFile, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new ProfileLock(stream);
            }
            catch (IOException) when (time.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
            catch (IOException ex)
            {
                throw new PersonaLibraryException(PersonaLibraryError.LockTimeout,
                    $"The profile is locked by another writer ({lockFile}); gave up after {timeout.TotalSeconds:0.#} s: {ex.Message}");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
