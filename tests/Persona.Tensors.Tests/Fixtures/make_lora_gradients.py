"""Independent reference for the LoRA trainer's loss and gradients, in plain PyTorch autograd.

Reads the committed tiny checkpoints (tiny-llama: bf16, untied, llama3 rope scaling; tiny-qwen2: f16,
q/k/v bias, tied, sharded) straight from their safetensors files, attaches LoRA with fixed random A and B
(B non-zero, so A gets a gradient too) on q/k/v/o/gate/up/down of every layer, runs one forward with
the loss on assistant tokens only (next-token cross-entropy, mean over the target tokens, as
transformers' ForCausalLMLoss with labels -100 elsewhere), and lets autograd compute dL/dA and dL/dB.
Everything runs in float64 so the fixture is the exact answer to well below the trainer's float32 error.

The forward is written here from the transformers modeling code (modeling_llama.py / modeling_qwen2.py):
RMSNorm, rotate_half RoPE (optionally llama3-scaled), repeat_kv, causal softmax attention, SwiGLU; the
LoRA projection is PEFT's y = x W^T + b + (alpha / r) (x A^T) B^T.

Run from this folder with Debian's python3-torch:  python3 make_lora_gradients.py
Outputs (committed): lora-grad/<model>/adapter_config.json + adapter_model.safetensors (PEFT layout, F32)
and lora_gradients.json (tokens, target mask, loss, every gradient). The tests only read these files.
"""
import json
import math
import os
import struct

import torch

torch.manual_seed(7031)
RANK, ALPHA = 2, 4
TARGETS = [("self_attn.q_proj", "q_proj"), ("self_attn.k_proj", "k_proj"), ("self_attn.v_proj", "v_proj"),
           ("self_attn.o_proj", "o_proj"), ("mlp.gate_proj", "gate_proj"), ("mlp.up_proj", "up_proj"),
           ("mlp.down_proj", "down_proj")]
# ids, and per token whether it is a loss target (the assistant's content and end-of-turn token)
CASES = {
    "tiny-llama": ([1, 17, 42, 5, 60, 33, 33, 8, 0, 12, 9, 2],
                   [0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1]),
    "tiny-qwen2": ([3, 66, 12, 45, 45, 7, 19, 2, 51, 30, 11, 64, 5],
                   [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1]),
}


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(data[begin:end])
        if info["dtype"] == "F32":
            t = torch.frombuffer(raw, dtype=torch.float32)
        elif info["dtype"] == "F16":
            t = torch.frombuffer(raw, dtype=torch.float16)
        elif info["dtype"] == "BF16":
            t = torch.frombuffer(raw, dtype=torch.bfloat16)
        else:
            raise ValueError(f"{path}: {name}: dtype {info['dtype']}")
        out[name] = t.reshape(info["shape"]).to(torch.float64)
    return out


def read_checkpoint(folder):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".safetensors"))
    weights = {}
    for f in files:
        weights.update(read_safetensors(os.path.join(folder, f)))
    with open(os.path.join(folder, "config.json")) as fh:
        return json.load(fh), weights


def write_safetensors_f32(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().to(torch.float32).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def inv_freq(cfg, hd):
    rope = cfg.get("rope_parameters") or cfg.get("rope_scaling") or {}
    base = rope.get("rope_theta", cfg.get("rope_theta", 10000.0))
    inv = 1.0 / (base ** (torch.arange(0, hd, 2, dtype=torch.int64).to(torch.float64) / hd))
    if rope.get("rope_type") == "llama3":
        factor, low, high = rope["factor"], rope["low_freq_factor"], rope["high_freq_factor"]
        old = rope["original_max_position_embeddings"]
        low_wl, high_wl = old / low, old / high
        wavelen = 2 * math.pi / inv
        scaled = torch.where(wavelen > low_wl, inv / factor, inv)
        smooth = (old / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wavelen < high_wl) * ~(wavelen > low_wl)
        inv = torch.where(medium, smoothed, scaled)
    return inv


def rms_norm(x, weight, eps):
    return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def loss_with_lora(cfg, w, lora, ids, targets):
    d, h, kv = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    hd, eps, t = d // h, cfg["rms_norm_eps"], len(ids)
    scaling = ALPHA / RANK
    x = w["model.embed_tokens.weight"][torch.tensor(ids)]
    freqs = torch.arange(t).to(torch.float64)[:, None] * inv_freq(cfg, hd)[None, :]
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    mask = torch.full((t, t), float("-inf"), dtype=torch.float64).triu(1)
    for l in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{l}."

        def lin(name, inp):
            y = torch.nn.functional.linear(inp, w[p + name + ".weight"], w.get(p + name + ".bias"))
            a, b = lora[p + name]
            return y + scaling * ((inp @ a.T) @ b.T)

        xn = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = lin("self_attn.q_proj", xn).view(t, h, hd).transpose(0, 1)
        k = lin("self_attn.k_proj", xn).view(t, kv, hd).transpose(0, 1)
        v = lin("self_attn.v_proj", xn).view(t, kv, hd).transpose(0, 1)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(h // kv, dim=0)
        v = v.repeat_interleave(h // kv, dim=0)
        scores = q @ k.transpose(1, 2) / math.sqrt(hd) + mask
        att = torch.softmax(scores, dim=-1) @ v
        x = x + lin("self_attn.o_proj", att.transpose(0, 1).reshape(t, h * hd))
        xn = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        x = x + lin("mlp.down_proj", torch.nn.functional.silu(lin("mlp.gate_proj", xn)) * lin("mlp.up_proj", xn))
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else w["lm_head.weight"]
    logits = x @ head.T
    labels = torch.tensor([ids[i] if targets[i] else -100 for i in range(t)])
    # transformers ForCausalLMLoss: shift, ignore_index -100, mean over the labelled tokens
    return torch.nn.functional.cross_entropy(logits[:-1], labels[1:], ignore_index=-100, reduction="mean")


fixture = {"generator": "make_lora_gradients.py (PyTorch " + torch.__version__ + ", float64 autograd)",
           "rank": RANK, "alpha": ALPHA, "models": {}}
for name, (ids, targets) in CASES.items():
    cfg, weights = read_checkpoint(name)
    d, i_dim = cfg["hidden_size"], cfg["intermediate_size"]
    hd = d // cfg["num_attention_heads"]
    q_dim, kv_dim = cfg["num_attention_heads"] * hd, cfg["num_key_value_heads"] * hd
    shapes = {"q_proj": (d, q_dim), "k_proj": (d, kv_dim), "v_proj": (d, kv_dim), "o_proj": (q_dim, d),
              "gate_proj": (d, i_dim), "up_proj": (d, i_dim), "down_proj": (i_dim, d)}
    lora, adapter_tensors = {}, {}
    for l in range(cfg["num_hidden_layers"]):
        for path, short in TARGETS:
            n_in, n_out = shapes[short]
            # float32 values, so the C# side holds exactly the same numbers
            a = ((torch.rand(RANK, n_in) * 2 - 1) / math.sqrt(n_in)).to(torch.float32)
            b = (torch.randn(n_out, RANK) * 0.3).to(torch.float32)
            key = f"model.layers.{l}.{path}"
            adapter_tensors[f"base_model.model.{key}.lora_A.weight"] = a
            adapter_tensors[f"base_model.model.{key}.lora_B.weight"] = b
            lora[key] = (a.to(torch.float64).requires_grad_(), b.to(torch.float64).requires_grad_())
    loss = loss_with_lora(cfg, weights, lora, ids, targets)
    loss.backward()

    out_dir = os.path.join("lora-grad", name)
    os.makedirs(out_dir, exist_ok=True)
    write_safetensors_f32(os.path.join(out_dir, "adapter_model.safetensors"), adapter_tensors)
    with open(os.path.join(out_dir, "adapter_config.json"), "w") as fh:
        json.dump({"base_model_name_or_path": name, "bias": "none", "fan_in_fan_out": False, "inference_mode": True,
                   "lora_alpha": ALPHA, "lora_dropout": 0.0, "peft_type": "LORA", "r": RANK,
                   "target_modules": [s for _, s in TARGETS], "task_type": "CAUSAL_LM", "use_rslora": False},
                  fh, indent=2, sort_keys=True)
    grads = {}
    for key, (a, b) in lora.items():
        grads[key + ".lora_A"] = [float(f"{g:.9e}") for g in a.grad.flatten().tolist()]
        grads[key + ".lora_B"] = [float(f"{g:.9e}") for g in b.grad.flatten().tolist()]
    fixture["models"][name] = {"ids": ids, "targets": targets, "target_tokens": sum(targets[1:]),
                               "loss": float(loss), "gradients": grads}

with open("lora_gradients.json", "w") as fh:
    json.dump(fixture, fh, separators=(",", ":"))
