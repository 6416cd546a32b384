import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { outboxMessage } from './records.js'

const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * A signed-in person's "last seen" is written once a minute, on whatever they ask next. It goes
 * through the store's group commit with the other writes of its turn: one COMMIT, one flush to disk
 * off the event loop, never a transaction of its own flushed on the event loop while every other
 * request waits.
 */
describe('sqlite: a session is touched through the group commit', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-session-touch-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('is saved by the same flush as a message written beside it, and told done only after it', async () => {
    const held: Array<() => void> = []
    const store = createSqliteStore(join(dir, 'liaison.db'), { groupCommit: { sync: () => new Promise<void>((done) => held.push(done)) } })
    try {
      const at = new Date('2026-11-22T02:00:00Z')
      const expiresAt = new Date('2026-12-22T02:00:00Z')
      await Promise.all([
        store.sessions.create({ id: 'se1', tokenHash: 'hash-se1', subjectKind: 'mp_user', subjectId: 'mu1', createdAt: at, lastSeenAt: at, expiresAt }),
        turns().then(() => held.splice(0).forEach((done) => done())),
      ])

      const later = new Date('2026-11-22T02:05:00Z')
      const told: string[] = []
      const touched = store.sessions.touch('se1', later).then(() => told.push('touched'))
      const queued = store.outbox.enqueue([outboxMessage('session-touch-neighbour')]).then(() => told.push('message saved'))
      await turns()
      // Both in one group, whose flush is still on its way to the disk: nobody told yet.
      expect(held).to.have.length(1)
      expect(told).to.deep.equal([])
      held.splice(0).forEach((done) => done())
      await Promise.all([touched, queued])
      expect(told).to.have.members(['touched', 'message saved'])
      expect((await store.sessions.findByTokenHash('hash-se1'))!.lastSeenAt.toISOString()).to.equal(later.toISOString())
      expect(await store.outbox.byDedupeKeys(['session-touch-neighbour'])).to.have.length(1)
    } finally {
      held.splice(0).forEach((done) => done())
      await store.close()
    }
  })
})
