// Reads a Parquet file with hyparquet (pure JS) and prints {"rows":[...]} in canonical JSON.
import fs from 'node:fs'
import { load, canonical } from './oracle-modules.mjs'

const { parquetReadObjects } = await load('hyparquet')
const { compressors } = await load('hyparquet-compressors')
const bytes = fs.readFileSync(process.argv[2])
const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
const ts = unit => raw => ({ unit, raw: BigInt(raw).toString() })
const rows = await parquetReadObjects({
  file,
  compressors,
  parsers: {
    timestampFromMilliseconds: ts('MILLIS'),
    timestampFromMicroseconds: ts('MICROS'),
    timestampFromNanoseconds: ts('NANOS'),
  },
})
process.stdout.write(JSON.stringify({ rows: rows.map(canonical) }))
