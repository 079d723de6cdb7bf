namespace Persona.Core.Clustering;

/// <summary>A message near its cluster's centroid (distance in the feature space), text cut to a readable length.</summary>
public sealed record RepresentativeMessage(string MessageId, double Distance, string Text);
