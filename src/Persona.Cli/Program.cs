using Persona.Cli;

return await PersonaCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
