// Runs a script of `clemency sql --dialect duckdb` in an in-memory DuckDB, as
// the duckdb command-line shell would: usage node run_duckdb.mjs SCREEN.sql.
// Prints the seconds it took on stderr; exits 1 with DuckDB's message on error.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [script] = process.argv.slice(2);
if (!script) {
  console.error('usage: node run_duckdb.mjs SCREEN.sql');
  process.exit(2);
}
const sql = readFileSync(script, 'utf8');
const start = process.hrtime.bigint();
try {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  if (process.env.DUCKDB_THREADS) await connection.run(`SET threads = ${Number.parseInt(process.env.DUCKDB_THREADS, 10)}`);
  await connection.run(sql);
} catch (e) {
  console.error(`duckdb: ${e.message}`);
  process.exit(1);
}
console.error(`duckdb: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`);
