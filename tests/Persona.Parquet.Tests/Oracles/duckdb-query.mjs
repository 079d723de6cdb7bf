// Runs one SQL query in DuckDB and prints {"rows":[...]} in canonical JSON.
import { load, canonical } from './oracle-modules.mjs'

const { DuckDBInstance } = await load('@duckdb/node-api')
const db = await DuckDBInstance.create(':memory:')
const connection = await db.connect()
const rows = (await connection.runAndReadAll(process.argv[2])).getRowObjectsJS()
process.stdout.write(JSON.stringify({ rows: rows.map(canonical) }))
