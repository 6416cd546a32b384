import Database from 'better-sqlite3'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export type Db = Database.Database

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations')

/**
 * Opens the database file (or ":memory:") and applies every numbered migration not yet
 * applied, each in its own transaction (on a new file, all of them in one).
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  // An answer of 201 means durable: fsync every commit (WAL's default NORMAL may lose the last ones on power loss).
  db.pragma('synchronous = FULL')
  // Group commit runs each write in a savepoint: their undo journals (a page's copy each time a
  // write touches a page the group already changed) stay in memory instead of a temp file.
  // On a file they were most of the bytes a busy group wrote: ~250 KB per message sent.
  db.pragma('temp_store = MEMORY')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Reports read thousands of rows by index: through memory-mapped pages instead of one read()
  // call per page (a district's statistics: 5x faster on a province's file). Writes still go through the WAL.
  db.pragma('mmap_size = 2147418112')
  // No cache_size here: better-sqlite3 builds SQLite with 16 MB (-16000), not SQLite's 2 MB, and pages
  // read through the map do not stay in that cache anyway. Measured on the request bench's store (150k
  // sessions): 128 MB did not make the session lookup cheaper, and under load no page was read with read().
  // A message writes ~30 pages (the case's indexes, its events, its outbox row), mostly the same
  // hot index pages again and again: copied back to the file after 10,000 pages (~40 MB of WAL)
  // instead of 1,000, each is copied once per checkpoint instead of ten times, and the file is
  // fsynced a tenth as often (~10% of a message's write, measured in-process).
  db.pragma('wal_autocheckpoint = 10000')
  migrate(db)
  cacheStatements(db)
  return db
}

/**
 * Compiling SQL costs more than running it: prepared statements are kept by their text.
 * (Each text is always used the same way here, so a statement's pluck/raw mode is stable.)
 */
function cacheStatements(db: Db) {
  const prepare = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (!statement) {
      if (cache.size >= 500) cache.clear()
      statement = prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }) as Db['prepare']
}

function migrate(db: Db) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
  const apply = (file: string) => {
    db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'))
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(Number(file.slice(0, 3)), file, new Date().toISOString())
  }
  const pending = files.filter((file) => !applied.has(Number(file.slice(0, 3))))
  // A new file has no data to keep safe between steps: its whole schema in one commit (one
  // fsync, not one per migration: about a tenth of a second of a first start).
  if (!applied.size) db.transaction(() => pending.forEach(apply))()
  else for (const file of pending) db.transaction(() => apply(file))()
}
