"""Writes two tiny Hugging Face checkpoints and the logits an independent PyTorch forward computes for them.

The forward below re-implements the LlamaForCausalLM / Qwen2ForCausalLM math of transformers
(modeling_llama.py / modeling_qwen2.py: RMSNorm in f32, rotate_half RoPE with optional llama3 frequency
scaling, repeat_kv for grouped-query attention, eager softmax attention with a causal mask, SwiGLU MLP,
final norm, lm_head or tied embedding) in plain PyTorch, without the transformers package.

Run from this folder with Debian's python3-torch:  python3 make_tiny_checkpoints.py
Outputs (committed): tiny-llama/, tiny-qwen2/ (sharded), tiny-llama-q8.gguf, expected_logits.json.
The GGUF file is written as llama.cpp's convert_hf_to_gguf.py lays it out (q/k rows permuted for the
interleaved "NORM" RoPE, ggml shapes innermost-first) with Q8_0, F16 and F32 tensors.
"""
import json
import math
import os
import struct

import torch

torch.manual_seed(20261121)

DTYPES = {torch.float32: ("F32", 4), torch.float16: ("F16", 2), torch.bfloat16: ("BF16", 2)}


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        tag, size = DTYPES[t.dtype]
        data = t.view(torch.int16).numpy().tobytes() if size == 2 else t.numpy().tobytes()
        header[name] = {"dtype": tag, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
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


def make_weights(cfg, bias):
    d, i, v = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]
    h, kv = cfg["num_attention_heads"], cfg["num_key_value_heads"]
    hd = d // h
    w = {"model.embed_tokens.weight": torch.randn(v, d) * 0.5, "model.norm.weight": 1 + 0.1 * torch.randn(d)}
    if not cfg["tie_word_embeddings"]:
        w["lm_head.weight"] = torch.randn(v, d) * 0.2
    for l in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{l}."
        w[p + "input_layernorm.weight"] = 1 + 0.1 * torch.randn(d)
        w[p + "post_attention_layernorm.weight"] = 1 + 0.1 * torch.randn(d)
        w[p + "self_attn.q_proj.weight"] = torch.randn(h * hd, d) * 0.2
        w[p + "self_attn.k_proj.weight"] = torch.randn(kv * hd, d) * 0.2
        w[p + "self_attn.v_proj.weight"] = torch.randn(kv * hd, d) * 0.2
        w[p + "self_attn.o_proj.weight"] = torch.randn(d, h * hd) * 0.2
        if bias:
            w[p + "self_attn.q_proj.bias"] = torch.randn(h * hd) * 0.2
            w[p + "self_attn.k_proj.bias"] = torch.randn(kv * hd) * 0.2
            w[p + "self_attn.v_proj.bias"] = torch.randn(kv * hd) * 0.2
        w[p + "mlp.gate_proj.weight"] = torch.randn(i, d) * 0.2
        w[p + "mlp.up_proj.weight"] = torch.randn(i, d) * 0.2
        w[p + "mlp.down_proj.weight"] = torch.randn(d, i) * 0.2
    return w


def inv_freq(cfg, hd):
    rope = cfg.get("rope_parameters") or cfg.get("rope_scaling") or {}
    base = rope.get("rope_theta", cfg.get("rope_theta", 10000.0))
    inv = 1.0 / (base ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
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
    variance = x.pow(2).mean(-1, keepdim=True)
    return weight * (x * torch.rsqrt(variance + eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def forward(cfg, w, tokens):
    d, h, kv = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    hd, eps, t = d // h, cfg["rms_norm_eps"], len(tokens)
    f = {k: v.float() for k, v in w.items()}
    x = f["model.embed_tokens.weight"][torch.tensor(tokens)]  # (T, d)
    freqs = torch.arange(t).float()[:, None] * inv_freq(cfg, hd)[None, :]  # (T, hd/2)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    mask = torch.full((t, t), float("-inf")).triu(1)
    for l in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{l}."
        lin = lambda name, inp: torch.nn.functional.linear(inp, f[p + name + ".weight"], f.get(p + name + ".bias"))
        xn = rms_norm(x, f[p + "input_layernorm.weight"], eps)
        q = lin("self_attn.q_proj", xn).view(t, h, hd).transpose(0, 1)  # (H, T, hd)
        k = lin("self_attn.k_proj", xn).view(t, kv, hd).transpose(0, 1)
        v = lin("self_attn.v_proj", xn).view(t, kv, hd).transpose(0, 1)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(h // kv, dim=0)  # repeat_kv: query head i uses kv head i // n_rep
        v = v.repeat_interleave(h // kv, dim=0)
        scores = q @ k.transpose(1, 2) / math.sqrt(hd) + mask
        att = torch.softmax(scores.float(), dim=-1) @ v  # (H, T, hd)
        x = x + lin("self_attn.o_proj", att.transpose(0, 1).reshape(t, h * hd))
        xn = rms_norm(x, f[p + "post_attention_layernorm.weight"], eps)
        x = x + lin("mlp.down_proj", torch.nn.functional.silu(lin("mlp.gate_proj", xn)) * lin("mlp.up_proj", xn))
    x = rms_norm(x, f["model.norm.weight"], eps)
    head = f["model.embed_tokens.weight"] if cfg["tie_word_embeddings"] else f["lm_head.weight"]
    return x @ head.T  # (T, V)


LLAMA = {
    "architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64, "intermediate_size": 96,
    "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 61,
    "max_position_embeddings": 128, "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "tie_word_embeddings": False,
    "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                     "original_max_position_embeddings": 64},
    "torch_dtype": "bfloat16",
}
QWEN2 = {
    "architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": 64, "intermediate_size": 80,
    "num_hidden_layers": 2, "num_attention_heads": 8, "num_key_value_heads": 2, "vocab_size": 67,
    "max_position_embeddings": 256, "rms_norm_eps": 1e-6, "tie_word_embeddings": True,
    "rope_parameters": {"rope_theta": 1000000.0, "rope_type": "default"}, "torch_dtype": "float16",
}
TOKENS = {"tiny-llama": [1, 17, 42, 5, 60, 33, 33, 8, 0], "tiny-qwen2": [3, 66, 12, 45, 45, 7, 19, 2, 51, 30, 11]}

def q8_0(t):
    """ggml Q8_0 per 32-value block: f16 scale d = amax/127, int8 q = round(x/d). Returns (bytes, dequantized)."""
    blocks = t.float().reshape(-1, 32)
    d = (blocks.abs().max(dim=1, keepdim=True).values / 127.0).to(torch.float16).float()
    q = torch.where(d == 0, torch.zeros_like(blocks), torch.round(blocks / d)).clamp(-127, 127).to(torch.int8)
    raw = b"".join(struct.pack("<e", float(d[i, 0])) + q[i].numpy().tobytes() for i in range(blocks.shape[0]))
    return raw, (q.float() * d).reshape(t.shape)


def permute(w, n_head):
    """convert_hf_to_gguf.py LlamaModel.permute: half-split rows -> interleaved pairs."""
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def write_gguf(path, cfg, weights):
    """Returns the weights as the file holds them after dequantization (what the forward must use)."""
    def s(x):
        b = x.encode()
        return struct.pack("<Q", len(b)) + b
    d, h, kv = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    kvs = [("general.architecture", 8, s("llama")), ("llama.context_length", 4, struct.pack("<I", cfg["max_position_embeddings"])),
           ("llama.embedding_length", 4, struct.pack("<I", d)), ("llama.block_count", 4, struct.pack("<I", cfg["num_hidden_layers"])),
           ("llama.feed_forward_length", 4, struct.pack("<I", cfg["intermediate_size"])), ("llama.attention.head_count", 4, struct.pack("<I", h)),
           ("llama.attention.head_count_kv", 4, struct.pack("<I", kv)), ("llama.rope.dimension_count", 4, struct.pack("<I", d // h)),
           ("llama.attention.layer_norm_rms_epsilon", 6, struct.pack("<f", cfg["rms_norm_eps"])), ("llama.rope.freq_base", 6, struct.pack("<f", cfg["rope_theta"]))]
    names = {"model.embed_tokens.weight": ("token_embd.weight", 0), "model.norm.weight": ("output_norm.weight", 0), "lm_head.weight": ("output.weight", 1)}
    for l in range(cfg["num_hidden_layers"]):
        for hf, gg in (("input_layernorm", "attn_norm"), ("post_attention_layernorm", "ffn_norm")):
            names[f"model.layers.{l}.{hf}.weight"] = (f"blk.{l}.{gg}.weight", 0)
        for hf, gg in (("self_attn.q_proj", "attn_q"), ("self_attn.k_proj", "attn_k"), ("self_attn.v_proj", "attn_v"), ("self_attn.o_proj", "attn_output"),
                       ("mlp.gate_proj", "ffn_gate"), ("mlp.up_proj", "ffn_up"), ("mlp.down_proj", "ffn_down")):
            names[f"model.layers.{l}.{hf}.weight"] = (f"blk.{l}.{gg}.weight", 8)
    infos, blobs, offset, used = b"", [], 0, {}
    for hf, (gg, ggml_type) in names.items():
        t = weights[hf].float()
        if ggml_type == 8:
            raw, used[hf] = q8_0(t)
        elif ggml_type == 1:
            raw, used[hf] = t.to(torch.float16).numpy().tobytes(), t.to(torch.float16).float()
        else:
            raw, used[hf] = t.numpy().tobytes(), t
        if hf.endswith("q_proj.weight") or hf.endswith("k_proj.weight"):
            heads = h if "q_proj" in hf else kv
            q_raw = q8_0(permute(t, heads))[0]  # quantize the permuted rows, exactly what the file holds
            raw = q_raw
        infos += s(gg) + struct.pack("<I", t.dim()) + b"".join(struct.pack("<q", n) for n in reversed(t.shape)) + struct.pack("<iQ", ggml_type, offset)
        raw += b"\0" * ((32 - len(raw) % 32) % 32)
        blobs.append(raw)
        offset += len(raw)
    head = b"GGUF" + struct.pack("<IqQ", 3, len(names), len(kvs)) + b"".join(s(k) + struct.pack("<i", t) + v for k, t, v in kvs) + infos
    head += b"\0" * ((32 - len(head) % 32) % 32)
    with open(path, "wb") as f:
        f.write(head)
        for b in blobs:
            f.write(b)
    return used


expected = {}
for name, cfg, dtype, bias in (("tiny-llama", LLAMA, torch.bfloat16, False), ("tiny-qwen2", QWEN2, torch.float16, True)):
    os.makedirs(name, exist_ok=True)
    with open(os.path.join(name, "config.json"), "w") as fh:
        json.dump(cfg, fh, indent=2)
    weights = {k: v.to(dtype) for k, v in make_weights(cfg, bias).items()}
    if name == "tiny-qwen2":  # two shards + index, as larger checkpoints ship
        names = sorted(weights)
        shards = {"model-00001-of-00002.safetensors": names[: len(names) // 2], "model-00002-of-00002.safetensors": names[len(names) // 2:]}
        for shard, keys in shards.items():
            write_safetensors(os.path.join(name, shard), {k: weights[k] for k in keys})
        with open(os.path.join(name, "model.safetensors.index.json"), "w") as fh:
            json.dump({"metadata": {}, "weight_map": {k: s for s, ks in shards.items() for k in ks}}, fh, indent=2)
    else:
        write_safetensors(os.path.join(name, "model.safetensors"), weights)
    with torch.no_grad():
        logits = forward(cfg, weights, TOKENS[name])
    expected[name] = {"tokens": TOKENS[name], "logits": [[round(float(x), 6) for x in row] for row in logits]}

GGUF_CFG = {k: v for k, v in LLAMA.items() if k != "rope_scaling"}
gguf_weights = write_gguf("tiny-llama-q8.gguf", GGUF_CFG, make_weights(GGUF_CFG, False))
with torch.no_grad():
    logits = forward(GGUF_CFG, gguf_weights, TOKENS["tiny-llama"])
expected["tiny-llama-q8.gguf"] = {"tokens": TOKENS["tiny-llama"], "logits": [[round(float(x), 6) for x in row] for row in logits]}

with open("expected_logits.json", "w") as fh:
    json.dump({"generator": "make_tiny_checkpoints.py (PyTorch " + torch.__version__ + ")", "models": expected}, fh)
