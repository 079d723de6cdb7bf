using System.Diagnostics;
using System.Globalization;
using Persona.Core.Import.Output;
using Persona.Parquet;
using Persona.Parquet.Bench;

// Usage: gen N | write N PATH [codec] [nodict] [nostats] | read PATH | schema PATH
// Each phase prints one JSON line: seconds, rows, bytes, peak working set (MiB).
var command = args.Length > 0 ? args[0] : "";
var clock = Stopwatch.StartNew();
long rows = 0;
long bytes = 0;
long checksum = 0;
long baseline = 0;
switch (command)
{
    case "gen":
        foreach (var m in new MessageGenerator(42).Generate(int.Parse(args[1], CultureInfo.InvariantCulture)))
        {
            checksum += m.CharCount;
            rows++;
        }

        break;
    case "write":
    {
        // Rows are generated up front so the timing covers only encoding and I/O; memory is
        // reported as the growth of the peak working set over the generated rows' footprint.
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var data = new MessageGenerator(42).Generate(count).ToList();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using (var self = Process.GetCurrentProcess())
            baseline = self.WorkingSet64;
        clock.Restart();
        var codec = args.Length > 3 ? Enum.Parse<ParquetCompression>(args[3], ignoreCase: true) : ParquetCompression.Snappy;
        await ParquetFile.WriteAsync(args[2], data, AllMessagesDataset.Map, new ParquetWriteOptions
        {
            Compression = codec,
            UseDictionary = !args.Contains("nodict"),
            WriteStatistics = !args.Contains("nostats"),
        });
        rows = count;
        bytes = new FileInfo(args[2]).Length;
        break;
    }

    case "read":
        await foreach (var m in ParquetFile.ReadAsync(args[1], AllMessagesDataset.Map))
        {
            checksum += m.CharCount + m.Text.Length;
            rows++;
        }

        bytes = new FileInfo(args[1]).Length;
        break;
    case "schema":
        Console.Write(await ParquetFile.ReadSchemaAsync(args[1]));
        return 0;
    default:
        Console.Error.WriteLine("usage: gen N | write N PATH [uncompressed|snappy|gzip] [nodict] [nostats] | read PATH | schema PATH");
        return 2;
}

var seconds = clock.Elapsed.TotalSeconds;
double peak;
using (var self = Process.GetCurrentProcess())
    peak = (self.PeakWorkingSet64 - baseline) / (1024.0 * 1024.0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"phase\":\"{command}\",\"seconds\":{seconds:F3},\"rows\":{rows},\"bytes\":{bytes},\"peak_mib\":{peak:F0},\"checksum\":{checksum}}}"));
return 0;
