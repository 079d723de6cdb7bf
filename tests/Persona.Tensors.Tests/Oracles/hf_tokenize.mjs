// Test oracle: encodes strings with the Hugging Face tokenizers library (npm @huggingface/tokenizers).
// Usage: node hf_tokenize.mjs <node_modules dir> <tokenizer.json>  (stdin: JSON array of strings)
// Prints a JSON array with one array of token ids per input string.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [nodeModules, tokenizerPath] = process.argv.slice(2);
const { Tokenizer } = await import(pathToFileURL(join(nodeModules, "@huggingface", "tokenizers", "dist", "tokenizers.mjs")).href);
const tokenizer = new Tokenizer(JSON.parse(readFileSync(tokenizerPath, "utf8")), {});
const inputs = JSON.parse(readFileSync(0, "utf8"));
const ids = inputs.map((text) => Array.from(tokenizer.encode(text, { add_special_tokens: false }).ids));
process.stdout.write(JSON.stringify(ids));
