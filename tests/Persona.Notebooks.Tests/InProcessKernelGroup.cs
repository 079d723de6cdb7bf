namespace Persona.Notebooks.Tests;

/// <summary>In-process notebook runs change the working folder and console streams: never in parallel.</summary>
[CollectionDefinition(InProcessKernel.Collection, DisableParallelization = true)]
public sealed class InProcessKernelGroup;
