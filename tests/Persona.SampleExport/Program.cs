using Persona.SampleExport;

// usage: dotnet run --project tests/Persona.SampleExport -- [outDir=data/samples] [seed=7]
var outDir = args.Length > 0 ? args[0] : Path.Combine("data", "samples");
var seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : SampleExportGenerator.DefaultSeed;
var sample = SampleExportGenerator.Generate(seed);
Directory.CreateDirectory(outDir);
var export = Path.Combine(outDir, SampleExportGenerator.ExportFileName);
var labels = Path.Combine(outDir, SampleExportGenerator.LabelsFileName);
await File.WriteAllTextAsync(export, sample.ExportJson);
await File.WriteAllTextAsync(labels, sample.LabelsJson);
Console.WriteLine($"{export}: {sample.Conversations} conversations, {sample.PersonMessages} person messages ({sample.ActivePersonMessages} on the visible thread); labels in {labels}");
