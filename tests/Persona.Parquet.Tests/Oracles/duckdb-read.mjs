// Reads a Parquet file with DuckDB and prints {"rows":[...]} in canonical JSON;
// timestamps are normalised to microseconds.
import { load, canonical } from './oracle-modules.mjs'

const { DuckDBInstance } = await load('@duckdb/node-api')
const file = process.argv[2].replaceAll("'", "''")
const db = await DuckDBInstance.create(':memory:')
const connection = await db.connect()
const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS()
const select = described.map(({ column_name: name, column_type: type }) => {
  const q = '"' + name.replaceAll('"', '""') + '"'
  if (type.startsWith('TIMESTAMP')) return `CASE WHEN ${q} IS NULL THEN NULL ELSE {'unit': 'MICROS', 'raw': epoch_us(${q})::VARCHAR} END AS ${q}`
  return q
}).join(', ')
const rows = (await connection.runAndReadAll(`SELECT ${select} FROM read_parquet('${file}')`)).getRowObjectsJS()
process.stdout.write(JSON.stringify({ rows: rows.map(canonical) }))
