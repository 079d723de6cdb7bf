// Writes a Parquet file with DuckDB's own writer: node duckdb-write.mjs OUT "SELECT ..." "COMPRESSION zstd, ..."
import { load } from './oracle-modules.mjs'

const { DuckDBInstance } = await load('@duckdb/node-api')
const [out, query, options] = process.argv.slice(2)
const db = await DuckDBInstance.create(':memory:')
const connection = await db.connect()
await connection.run(`COPY (${query}) TO '${out.replaceAll("'", "''")}' (FORMAT parquet${options ? ', ' + options : ''})`)
