namespace Persona.Tensors.Training;

/// <summary>A point of the loss curve: step, mean train loss, and validation loss where one was measured.</summary>
public sealed record LossPoint(int Step, int Epoch, double Loss, double? ValidationLoss);
