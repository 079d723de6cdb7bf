// DuckDB side of the benchmark, on the same rows: loads OUR file (timed: DuckDB reading our file),
// writes it with DuckDB's Parquet writer (timed), reads DuckDB's file back (timed).
// Usage: node duckdb-bench.mjs OURS.parquet DUCK.parquet CODEC THREADS
import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(path.join(process.env.ORACLES_DIR, 'package.json'))
const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href)
const [ours, duck, codec, threads] = process.argv.slice(2)
const db = await DuckDBInstance.create(':memory:', { threads: String(threads ?? 1) })
const c = await db.connect()
const q = s => s.replaceAll("'", "''")
const time = async sql => { const t = performance.now(); await c.run(sql); return (performance.now() - t) / 1000 }

const readOurs = await time(`CREATE TABLE m AS SELECT * FROM read_parquet('${q(ours)}')`)
const write = await time(`COPY m TO '${q(duck)}' (FORMAT parquet, COMPRESSION ${codec})`)
await c.run('DROP TABLE m')
const readOwn = await time(`CREATE TABLE m2 AS SELECT * FROM read_parquet('${q(duck)}')`)
const rows = (await c.runAndReadAll('SELECT count(*)::INTEGER AS n FROM m2')).getRowObjectsJS()[0].n
console.log(JSON.stringify({
  phase: `duckdb threads=${threads}`, read_ours_seconds: readOurs, write_seconds: write, read_own_seconds: readOwn, rows,
  bytes: fs.statSync(duck).size, peak_mib: Math.round(process.resourceUsage().maxRSS / 1024),
}))
