import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { fullSizeDirectory } from '../src/demo/full-size.js'
import { row, time, type Row } from './measure.js'

/**
 * Importing the full-size directory (270 stations, 9,000 deputies, ~300 staff with
 * activation codes) into a fresh embedded store, then again unchanged, against the baseline of inserting the same rows with bare
 * better-sqlite3 in one transaction (no validation, no encryption, no hashing).
 */
export async function benchImport(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
  try {
    const file = JSON.parse(JSON.stringify(fullSizeDirectory()))
    const baselineMs = bareInsert(join(dir, 'bare.db'), file).ms

    const config = loadConfig({
      env: { LIAISON_DB: `sqlite:${join(dir, 'liaison.db')}`, LIAISON_SECRET_KEY: 'e'.repeat(64) },
      overrides: { log: { level: 'silent' } },
    })
    // The sync file as offices should send it: a one-time activation code per staff member
    // instead of an initial password (nothing to hash; each sets a password at first login).
    const withCodes = {
      ...file,
      staff: file.staff.map(({ password: _p, ...s }: any, i: number) => ({ ...s, activationCode: `ACT-${String(i).padStart(6, '0')}-X7` })),
    }
    const liaison = await build(config)
    const first = await time(() => liaison.services.importer.import(withCodes, null))
    const again = await time(() => liaison.services.importer.import(withCodes, null))
    await liaison.close()
    // For context: the older kind of file, with ~300 initial passwords to hash with scrypt (on the thread pool, in parallel).
    const fresh = await build({ ...config, store: { url: `sqlite:${join(dir, 'fresh.db')}` } })
    const withPasswords = await time(() => fresh.services.importer.import(file, null))
    await fresh.close()
    const baseline = { name: 'bare insert of the same rows', value: baselineMs }
    return [
      row({ name: 'import 9,000 deputies + staff, first (activation codes)', value: first.ms, unit: 'ms', baseline, target: { below: 5_000 } }),
      row({ name: 'import 9,000 deputies + staff, again unchanged', value: again.ms, unit: 'ms', baseline, target: { below: 5_000 } }),
      row({ name: 'import 9,000 deputies + staff, first (initial passwords, context)', value: withPasswords.ms, unit: 'ms', baseline, target: {} }),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function bareInsert(path: string, file: any) {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(`CREATE TABLE r (id TEXT PRIMARY KEY, body TEXT); CREATE TABLE s (id TEXT PRIMARY KEY, body TEXT);
           CREATE TABLE d (id TEXT PRIMARY KEY, body TEXT); CREATE TABLE f (id TEXT PRIMARY KEY, body TEXT)`)
  const result = (() => {
    const started = process.hrtime.bigint()
    db.transaction(() => {
      for (const [table, list] of [
        ['r', file.regions],
        ['s', file.stations],
        ['d', file.deputies],
        ['f', file.staff],
      ] as const) {
        const insert = db.prepare(`INSERT INTO ${table} (id, body) VALUES (?, ?)`)
        for (const record of list) insert.run(record.id, JSON.stringify(record))
      }
    })()
    return { ms: Number(process.hrtime.bigint() - started) / 1e6 }
  })()
  db.close()
  return result
}
