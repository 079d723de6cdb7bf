// Loads an npm package from the pinned oracle folder (ORACLES_DIR, i.e. tests/oracles).
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(path.join(process.env.ORACLES_DIR ?? '.', 'package.json'))

export async function load(name) {
  return import(pathToFileURL(require.resolve(name)).href)
}

// The test suite's canonical JSON: INT64 as decimal strings, NaN/±Infinity as strings,
// binary as {$b64}, DATE as YYYY-MM-DD, timestamps as {unit, raw}.
export function canonical(value) {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN'
    if (value === Infinity) return 'Infinity'
    if (value === -Infinity) return '-Infinity'
    return value
  }
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return value.map(canonical)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object' && 'raw' in value && 'unit' in value) return value
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]))
  return value
}
