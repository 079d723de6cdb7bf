namespace Persona.Core.Training;

/// <summary>The row layout of the written JSONL files.</summary>
public enum LoraDataFormat
{
    /// <summary><c>{"messages":[{"role","content"}]}</c> (OpenAI fine-tuning, MLX-LM chat, HF datasets).</summary>
    OpenAI,

    /// <summary><c>{"conversations":[{"from":"system|human|gpt","value"}]}</c> (axolotl, unsloth).</summary>
    ShareGpt,

    /// <summary>The project's trainer: messages with a per-turn train flag, plus token ids and an assistant mask when a tokenizer was given.</summary>
    Trainer,
}
