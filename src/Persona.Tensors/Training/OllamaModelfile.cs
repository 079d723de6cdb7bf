namespace Persona.Tensors.Training;

/// <summary>An Ollama Modelfile: FROM the base, ADAPTER the GGUF adapter, and a TEMPLATE laid out exactly as training rendered conversations.</summary>
public static class OllamaModelfile
{
    public static string Render(string baseModel, string adapterFile, PromptFormat format)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(adapterFile);
        var (template, stops) = format switch
        {
            PromptFormat.ChatMl => (
                "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n",
                new[] { "<|im_start|>", "<|im_end|>" }),
            PromptFormat.Llama3 => (
                "<|begin_of_text|>{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n{{ .Content }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n",
                new[] { "<|start_header_id|>", "<|eot_id|>" }),
            _ => (
                "{{- range .Messages }}{{ if eq .Role \"assistant\" }}Assistant: {{ .Content }}{{ else if eq .Role \"system\" }}System: {{ .Content }}\n{{ else }}User: {{ .Content }}\n{{ end }}{{ end }}Assistant: ",
                new[] { "\nUser:" }),
        };
        var lines = new List<string>
        {
            $"FROM {baseModel}",
            $"ADAPTER {adapterFile}",
            $"TEMPLATE \"\"\"{template}\"\"\"",
        };
        lines.AddRange(stops.Select(s => $"PARAMETER stop \"{s.Replace("\n", "\\n", StringComparison.Ordinal)}\""));
        return string.Join("\n", lines) + "\n";
    }
}
