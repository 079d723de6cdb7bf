// Test oracle: reads an exported LoRA adapter folder with readers that are not ours.
//   adapter.gguf                 -> @huggingface/gguf (npm), tensor data read at the offsets it reports
//   adapter_model.safetensors    -> parsed here from the format's definition (u64 header length, JSON header, buffer)
//   adapter_config.json          -> JSON.parse
// Usage: node adapter_read.mjs <node_modules dir> <adapter dir>
// Prints one JSON object; float32 values are decoded with DataView (little-endian) and printed as numbers.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [nodeModules, adapterDir] = process.argv.slice(2);
const { gguf, GGMLQuantizationType, GGUFValueType } = await import(
  pathToFileURL(join(nodeModules, "@huggingface", "gguf", "dist", "index.mjs")).href);

const plain = (value) => (typeof value === "bigint" ? Number(value) : Array.isArray(value) ? value.map(plain) : value);

function floats(bytes, start, count) {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, count * 4);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

// GGUF
const ggufPath = join(adapterDir, "adapter.gguf");
const ggufBytes = readFileSync(ggufPath);
const parsed = await gguf(ggufPath, { allowLocalFile: true, typedMetadata: true });
const metadata = {};
for (const [key, entry] of Object.entries(parsed.typedMetadata)) {
  metadata[key] = { type: GGUFValueType[entry.type], value: plain(entry.value) };
}
const dataStart = Number(parsed.tensorDataOffset);
const ggufTensors = parsed.tensorInfos.map((t) => {
  const shape = t.shape.map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const start = dataStart + Number(t.offset);
  const dtype = GGMLQuantizationType[t.dtype];
  const inFile = start + count * 4 <= ggufBytes.length;
  return {
    name: t.name,
    shape,
    dtype,
    offset: Number(t.offset),
    data: dtype === "F32" && inFile ? floats(ggufBytes, start, count) : null,
  };
});

// safetensors
const stPath = join(adapterDir, "adapter_model.safetensors");
const stBytes = readFileSync(stPath);
const headerLength = Number(new DataView(stBytes.buffer, stBytes.byteOffset, 8).getBigUint64(0, true));
const headerText = new TextDecoder("utf-8", { fatal: true }).decode(stBytes.subarray(8, 8 + headerLength));
const header = JSON.parse(headerText);
const bufferStart = 8 + headerLength;
const stTensors = [];
for (const [name, info] of Object.entries(header)) {
  if (name === "__metadata__") continue;
  const [begin, end] = info.data_offsets;
  const count = info.shape.reduce((a, b) => a * b, 1);
  stTensors.push({
    name,
    dtype: info.dtype,
    shape: info.shape,
    begin,
    end,
    data: info.dtype === "F32" && end - begin === count * 4 && bufferStart + end <= stBytes.length
      ? floats(stBytes, bufferStart + begin, count)
      : null,
  });
}

process.stdout.write(JSON.stringify({
  gguf: {
    version: parsed.metadata.version,
    littleEndian: parsed.littleEndian,
    tensorDataOffset: dataStart,
    fileLength: statSync(ggufPath).size,
    metadata,
    tensors: ggufTensors,
  },
  safetensors: {
    headerLength,
    headerFirstChar: headerText[0],
    bufferLength: stBytes.length - bufferStart,
    metadata: header.__metadata__ ?? null,
    tensors: stTensors,
  },
  peftConfig: JSON.parse(readFileSync(join(adapterDir, "adapter_config.json"), "utf8")),
}));
