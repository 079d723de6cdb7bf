
namespace Persona.Tensors.Training;

/// <summary>
/// The training loop: seeded epoch orders with length bucketing, micro-batches with gradient accumulation
/// (loss normalised by the number of target tokens of the whole optimizer step, as HF's Trainer does),
/// global-norm clipping, AdamW with warm-up + cosine, validation loss at each epoch end, periodic
/// checkpoints and exact resume (the same final weights as an uninterrupted run with the same seed).
/// </summary>
public sealed class LoraTrainer
{
    private readonly LoraNetwork _network;
    private readonly LoraTrainingOptions _options;
    private readonly TimeProvider _time;

    public LoraTrainer(LoraNetwork network, LoraTrainingOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ArgumentException("invalid training options: " + string.Join("; ", problems), nameof(options));
        _network = network;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Optimizer steps per epoch for <paramref name="exampleCount"/> examples.</summary>
    public int StepsPerEpoch(int exampleCount)
    {
        var microBatches = (exampleCount + _options.BatchSize - 1) / _options.BatchSize;
        return Math.Max(1, (microBatches + _options.GradientAccumulation - 1) / _options.GradientAccumulation);
    }

    /// <summary>The order examples are visited in during <paramref name="epoch"/>: a seeded shuffle, then sorted by length within windows so micro-batches hold similar lengths.</summary>
    public IReadOnlyList<int> EpochOrder(IReadOnlyList<TrainingExample> examples, int epoch)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var order = Enumerable.Range(0, examples.Count).ToList();
        new TrainingRandom(_options.Seed ^ (0x5DEECE66DUL * (ulong)(epoch + 1))).Shuffle(order);
        var window = _options.BatchSize * _options.GradientAccumulation * 8;
        var bucketed = new List<int>(order.Count);
        for (var start = 0; start < order.Count; start += window)
            bucketed.AddRange(order.Skip(start).Take(window).OrderBy(i => examples[i].Ids.Length));
        return bucketed;
    }

    public async Task<LoraTrainingResult> TrainAsync(
        IReadOnlyList<TrainingExample> train,
        IReadOnlyList<TrainingExample> validation,
        string? checkpointDirectory = null,
        Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        if (train.Count == 0)
            throw new ArgumentException("no training examples", nameof(train));
        var adapter = _network.Adapter;
        var optimizer = new AdamW(adapter, weightDecay: _options.WeightDecay);
        var gradients = new LoraGradients(adapter);
        var stepsPerEpoch = StepsPerEpoch(train.Count);
        var totalSteps = stepsPerEpoch * _options.Epochs;
        var schedule = new LearningRateSchedule(_options.LearningRate, _options.WarmupSteps, totalSteps, _options.MinLearningRateRatio);
        var dropout = new TrainingRandom(_options.Seed ^ 0xD1B54A32D192ED03UL);
        var curve = new List<LossPoint>();
        var step = 0;
        long tokens = 0;
        var previousElapsed = TimeSpan.Zero;
        var resumed = false;

        if (checkpointDirectory is not null && await TrainingCheckpointStore.TryLoadStateAsync(checkpointDirectory, cancellationToken) is { } saved)
        {
            if (saved.Seed != _options.Seed)
                throw new InvalidOperationException($"{checkpointDirectory}: the checkpoint was made with seed {saved.Seed}, this run uses {_options.Seed}");
            TrainingCheckpointStore.Restore(checkpointDirectory, saved, adapter, optimizer);
            dropout = TrainingRandom.FromState(saved.RandomState);
            curve.AddRange(saved.Curve);
            step = saved.Step;
            tokens = saved.TokensSeen;
            previousElapsed = TimeSpan.FromSeconds(saved.ElapsedSeconds);
            resumed = true;
        }

        var started = _time.GetTimestamp();
        var startStep = step;
        var perStep = _options.BatchSize * _options.GradientAccumulation;
        IReadOnlyList<int>? order = null;
        var orderEpoch = -1;
        while (step < totalSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_options.StopAfterSteps is { } stop && step >= stop)
                break;
            var epoch = step / stepsPerEpoch;
            if (epoch != orderEpoch)
            {
                order = EpochOrder(train, epoch);
                orderEpoch = epoch;
            }

            var local = step % stepsPerEpoch;
            var batch = order!.Skip(local * perStep).Take(perStep).Select(i => train[i]).ToList();
            var targetTokens = batch.Sum(e => e.TargetCount);
            gradients.Clear();
            double lossSum = 0;
            if (targetTokens > 0)
            {
                var weight = 1f / targetTokens;
                foreach (var example in batch)
                {
                    lossSum += _network.ForwardBackward(example.Ids, example.Targets, weight, gradients, dropout).Sum;
                    tokens += example.Ids.Length;
                }
            }

            var norm = gradients.Norm();
            if (_options.MaxGradNorm > 0 && norm > _options.MaxGradNorm)
                gradients.Scale((float)(_options.MaxGradNorm / (norm + 1e-6)));
            var rate = schedule.At(step);
            optimizer.Update(gradients, rate);
            step++;

            double? validationLoss = null;
            if (step % stepsPerEpoch == 0 || step == totalSteps)
                validationLoss = validation.Count == 0 ? null : ValidationLoss(validation);
            var loss = targetTokens == 0 ? double.NaN : lossSum / targetTokens;
            curve.Add(new LossPoint(step, epoch, loss, validationLoss));

            var elapsed = _time.GetElapsedTime(started);
            var doneHere = step - startStep;
            var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / doneHere * (totalSteps - step));
            var tokensPerSecond = tokens / Math.Max(1e-9, (previousElapsed + elapsed).TotalSeconds);
            progress?.Invoke(new TrainingProgress(step, totalSteps, epoch, loss, rate, norm, tokensPerSecond, previousElapsed + elapsed, remaining, validationLoss));

            if (checkpointDirectory is not null && _options.CheckpointEvery > 0 && step % _options.CheckpointEvery == 0 && step < totalSteps)
            {
                var state = new TrainingCheckpoint
                {
                    Step = step,
                    Seed = _options.Seed,
                    TokensSeen = tokens,
                    RandomState = dropout.State,
                    TensorFile = $"step-{step}.safetensors",
                    ElapsedSeconds = (previousElapsed + elapsed).TotalSeconds,
                    Curve = [.. curve],
                };
                await TrainingCheckpointStore.SaveAsync(checkpointDirectory, state, adapter, optimizer, cancellationToken);
            }
        }

        return new LoraTrainingResult(adapter, curve, step, totalSteps, tokens, previousElapsed + _time.GetElapsedTime(started), step == totalSteps, resumed);
    }

    /// <summary>Mean loss per target token over <paramref name="examples"/> (no dropout).</summary>
    public double ValidationLoss(IReadOnlyList<TrainingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        double sum = 0;
        var count = 0;
        foreach (var example in examples)
        {
            var result = _network.Loss(example.Ids, example.Targets);
            sum += result.Sum;
            count += result.Tokens;
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
