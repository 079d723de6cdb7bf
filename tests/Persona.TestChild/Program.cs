using System.Text;
using Persona.Core.Library;
using Persona.Core.Storage;

// Modes:
//   edit <profilesRoot> <profile> <personaId> <expectedVersion> <instructions> <goFile>
//       prints READY, waits for <goFile>, edits; exit 0 = won, 10 = conflict, 11 = other library error.
//   hang-mid-write <profilesRoot> <profile> <personaId>
//       under the profile lock, starts writing the next version file through AtomicFile, writes half
//       of it, prints WRITING and waits to be killed.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: edit|hang-mid-write …");
    return 2;
}

var library = new PersonaLibrary(new PersonaLibraryOptions { ProfilesRoot = args[1], ProfileId = args[2], DefaultAuthor = "child-" + Environment.ProcessId });
switch (args[0])
{
    case "edit":
        Console.WriteLine("READY");
        Console.Out.Flush();
        while (!File.Exists(args[6]))
            await Task.Delay(2);
        try
        {
            var result = await library.EditAsync(args[3], int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture), new PersonaChanges(Instructions: args[5]));
            Console.WriteLine($"WON v{result.Version}");
            return 0;
        }
        catch (PersonaLibraryException ex) when (ex.Error == PersonaLibraryError.Conflict)
        {
            Console.WriteLine("CONFLICT " + ex.Message);
            return 10;
        }
        catch (PersonaLibraryException ex)
        {
            Console.WriteLine("ERROR " + ex.Message);
            return 11;
        }

    case "hang-mid-write":
        var current = await library.GetAsync(args[3]);
        var target = Path.Combine(library.Paths.PersonaFolderOf(args[3]), ProfilePaths.VersionFileName(current.Version + 1));
        using (var held = new FileStream(library.Paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            await AtomicFile.WriteAsync(target, async (stream, ct) =>
            {
                var half = Encoding.UTF8.GetBytes("{\"persona\": {\"id\": \"" + args[3] + "\", \"instructions\": \"half-writ");
                await stream.WriteAsync(half, ct);
                await stream.FlushAsync(ct);
                Console.WriteLine("WRITING");
                Console.Out.Flush();
                await Task.Delay(Timeout.Infinite, ct);
            });
        }

        return 0;

    default:
        Console.Error.WriteLine("unknown mode " + args[0]);
        return 2;
}
