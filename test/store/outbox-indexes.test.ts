import { expect } from 'chai'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeCursor } from '../../src/store/cursor.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { outboxRepo } from '../../src/store/sqlite/people-repos.js'
import { privacyRepo } from '../../src/store/sqlite/privacy-repo.js'
import { outboxMessage } from './records.js'

const NOW = new Date('2026-11-30T02:00:00Z')

/** Every statement on the outbox that the adapter prepares for its calls (INSERTs aside: they use no index to find rows). */
async function outboxStatements(db: Db): Promise<string[]> {
  const seen = new Set<string>()
  const prepare = db.prepare
  db.prepare = ((sql: string) => {
    if (/\boutbox\b/.test(sql) && !/^\s*INSERT/i.test(sql)) seen.add(sql)
    return prepare.call(db, sql)
  }) as Db['prepare']
  try {
    const group = new GroupCommit(db)
    const outbox = outboxRepo(db, group)
    caseRepo(db, group) // prepares withdrawWaiting, run when a case is withdrawn
    for (const filter of [{}, { status: 'dead' as const }, { channel: 'bot_private' }, { kind: 'case.replied' }, { recipientId: 'dp0001' }])
      for (const cursor of [undefined, encodeCursor('ob-1')]) await outbox.search({ limit: 50, cursor, ...filter })
    await outbox.countsByStatus()
    await outbox.countsByChannel()
    await outbox.get('ob-1')
    await outbox.byDedupeKeys(['k'])
    for (const channels of [['mp_subscribe'], ['bot_private', 'bot_room']]) await outbox.claimDue(NOW, { limit: 10, leaseMs: 60_000, holder: 'h', channels })
    await outbox.complete('ob-1', 'h', { status: 'sent', at: NOW, channel: 'mp_subscribe', address: 'o-1' })
    await outbox.complete('ob-1', 'h', { status: 'failed', error: 'x', retryAt: NOW })
    await outbox.complete('ob-1', 'h', { status: 'dead', error: 'x' })
    await outbox.complete('ob-1', 'h', { status: 'pending', channel: 'mp_subscribe', address: null, until: NOW, reason: 'quiet_hours' })
    await outbox.retryDead('ob-1', NOW)
    await outbox.newerSent(outboxMessage('k'), { key: 'caseId', id: 'cs-1' })
    await privacyRepo(db, group).caseMessages('cs-1')
  } finally {
    db.prepare = prepare
  }
  return [...seen]
}

function planOf(db: Db, sql: string): string {
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]))
  const args: unknown[] = Array((sql.match(/\?/g) ?? []).length).fill(null)
  if (Object.keys(named).length) args.push(named)
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
}

const outboxIndexes = (db: Db) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name`).pluck().all() as string[]

/**
 * The outbox holds every message ever sent (half a million in a province): each of its indexes is
 * written by every message and every status change, so each must serve a statement, and every
 * statement must seek, never walk the messages.
 */
describe('the outbox statements and the indexes they use (SQLite, EXPLAIN QUERY PLAN)', () => {
  let db: Db
  beforeEach(() => {
    db = openDatabase(':memory:')
  })
  afterEach(() => db.close())

  it('each statement seeks through an index; only the console counts walk one, a covering index and not the messages', async () => {
    const statements = await outboxStatements(db)
    expect(statements.length).to.be.at.least(20)
    for (const sql of statements) {
      const plan = planOf(db, sql)
      const walks = plan.match(/SCAN outbox\b[^|]*/g) ?? []
      const counts = /^SELECT (channel, )?status, count\(\*\)/.test(sql)
      // The first page of the unfiltered console list walks the key in order, LIMIT 51.
      const firstPage = /^SELECT \* FROM outbox\s+ORDER BY id LIMIT/.test(sql)
      for (const walk of walks) expect(counts || firstPage, `${sql}\n${plan}`).to.equal(true)
      if (counts)
        expect(
          walks.every((w) => w.includes('COVERING INDEX')),
          plan,
        ).to.equal(true)
    }
  })

  it('the delivery drain seeks the due messages and the expired leases of its channels, never every message of a channel', async () => {
    const claims = (await outboxStatements(db)).filter((sql) => sql.includes("SET status = 'sending'"))
    expect(claims).to.have.length(2)
    for (const sql of claims) {
      const plan = planOf(db, sql)
      expect(plan.match(/SEARCH outbox USING INDEX outbox_channel_due \(channel=\? AND status=\?/g), plan).to.have.length(2)
      expect(plan, 'a walk through the channel, sent messages too').not.to.match(/outbox_channel_id/)
    }
  })

  it('every index of the outbox serves some statement (a message writes each one)', async () => {
    const plans = (await outboxStatements(db)).map((sql) => planOf(db, sql)).join('\n')
    for (const index of outboxIndexes(db)) expect(plans, `${index} serves nothing`).to.include(index)
    expect(outboxIndexes(db)).not.to.include('outbox_due')
  })

  it('on a file written before migration 045, drops outbox_due and keeps every message and how it is drained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-045-'))
    try {
      const file = join(dir, 'liaison.db')
      const first = openDatabase(file)
      const due = outboxMessage('due', { channel: 'mp_subscribe', nextAttemptAt: new Date(NOW.getTime() - 60_000) })
      const later = outboxMessage('later', { channel: 'mp_subscribe', nextAttemptAt: new Date(NOW.getTime() + 60_000) })
      await outboxRepo(first, new GroupCommit(first)).enqueue([due, later])
      first.close()
      const bare = new Database(file)
      bare.exec(`CREATE INDEX outbox_due ON outbox(status, next_attempt_at); DELETE FROM schema_migrations WHERE version = 45;`)
      bare.close()

      const db = openDatabase(file)
      try {
        expect(outboxIndexes(db)).not.to.include('outbox_due')
        const outbox = outboxRepo(db, new GroupCommit(db))
        expect(await outbox.countsByStatus()).to.include({ pending: 2 })
        const claimed = await outbox.claimDue(NOW, { limit: 10, leaseMs: 60_000, holder: 'h', channels: ['mp_subscribe'] })
        expect(claimed.map((m) => m.dedupeKey)).to.deep.equal(['due'])
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
