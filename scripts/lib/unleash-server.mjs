// Starts unleash-server, installed by scripts/lib/unleash.sh into UNLEASH_HOME, against a PostgreSQL database it
// creates when missing (UNLEASH_FRESH_DATABASE=true drops it first, for a fresh state per test run). Settings come
// from UNLEASH_* variables only: the platform's own DATABASE_URL (a JDBC URL) must not reach Unleash.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const env = process.env;
const home = env.UNLEASH_HOME;
if (!home) {
  console.error('UNLEASH_HOME (the directory unleash-server was installed into) is not set');
  process.exit(2);
}
for (const name of ['DATABASE_URL', 'DATABASE_USER', 'DATABASE_PASSWORD', 'DATABASE_HOST', 'DATABASE_NAME']) {
  delete env[name];
}
const require = createRequire(path.join(home, 'package.json'));
const pg = require('pg');

const db = {
  host: env.UNLEASH_DATABASE_HOST || '127.0.0.1',
  port: Number(env.UNLEASH_DATABASE_PORT || 5432),
  user: env.UNLEASH_DATABASE_USER || 'postgres',
  password: env.UNLEASH_DATABASE_PASSWORD || '',
  database: env.UNLEASH_DATABASE_NAME || 'unleash',
  ssl: false,
};

if (!/^[a-z_][a-z0-9_]{0,62}$/.test(db.database)) {
  console.error(`unusable database name ${db.database}`);
  process.exit(2);
}
const admin = new pg.Client({ ...db, database: 'postgres' });
await admin.connect();
if (env.UNLEASH_FRESH_DATABASE === 'true') {
  await admin.query(`DROP DATABASE IF EXISTS ${db.database} WITH (FORCE)`);
}
const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.database]);
if (exists.rowCount === 0) {
  await admin.query(`CREATE DATABASE ${db.database}`);
}
await admin.end();

// no calls home from a test machine
env.CHECK_VERSION = 'false';
env.SEND_TELEMETRY = 'false';
env.SCARF_ANALYTICS = 'false';
const unleash = await import(pathToFileURL(require.resolve('unleash-server')).href);
await unleash.start({
  db,
  server: { port: Number(env.UNLEASH_PORT || 4242), host: env.UNLEASH_BIND || '127.0.0.1' },
  versionCheck: { enable: false },
  logLevel: env.UNLEASH_LOG_LEVEL || 'warn',
});
console.log(`unleash-server listening on ${env.UNLEASH_BIND || '127.0.0.1'}:${env.UNLEASH_PORT || 4242}, database ${db.database}`);
