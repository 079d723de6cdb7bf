using Persona.Notebooks.Hosting;

// The notebook kernel child process: the runner starts this assembly once per notebook
// (see NotebookRunner) and talks to it over stdin/stdout.
var protocol = Console.Out;
var log = Console.Error;
return await KernelProcess.RunAsync(Console.In, protocol, log).ConfigureAwait(false);
