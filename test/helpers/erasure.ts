import Database from 'better-sqlite3'
import type { OutboxMessage } from '../../src/store/outbox-message.js'
import { caseCity } from '../fixtures.js'
import type { TestApp } from './app.js'
import { storeFileForEachTest } from './store-file.js'

/**
 * For the stories of a resident who deletes her data: caseCity on a SQLite file of each test's own,
 * the clock at 2026-11-23 10:00 city time, and a look straight into that file afterwards, where
 * whatever the office keeps is read as a person going through the database would.
 */
export function caseCityOnFileForEachTest() {
  const file = storeFileForEachTest()
  const story = {
    app: undefined as unknown as TestApp,
    /** Every text cell of every table holding one of the words, as "table.column: value". */
    cellsHolding: (words: string[]) => cellsHolding(file.path(), words),
  }
  beforeEach(async () => {
    story.app = await file.start({ directory: caseCity() })
    story.app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  return story
}

function cellsHolding(path: string, words: string[]) {
  const db = new Database(path, { readonly: true })
  try {
    const found: string[] = []
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'cases_fts_%' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[]
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value === 'string' && words.some((w) => value.includes(w))) found.push(`${table}.${column}: ${value}`)
        }
      }
    }
    return found
  } finally {
    db.close()
  }
}

/**
 * Every message due now is sent (it has reached the phone, not waiting): what was sent is what the
 * office keeps, so an erasure must reach it where it is stored.
 */
export async function sendAllDue(app: TestApp, addressOf: (m: OutboxMessage) => string) {
  const { outbox } = app.liaison.store
  for (const m of await outbox.claimDue(app.clock.now(), { limit: 100, leaseMs: 60_000, holder: 'test', channels: ['auto'] })) {
    await outbox.complete(m.id, 'test', { status: 'sent', at: app.clock.now(), channel: 'wechat', address: addressOf(m) })
  }
}
