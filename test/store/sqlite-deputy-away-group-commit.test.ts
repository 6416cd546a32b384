import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { sampleDirectory } from './sample-directory.js'
import { outboxMessage } from './records.js'

const LEAVE = { from: '2026-12-01', until: '2026-12-05', reason: 'leave' as const, note: null }

const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * A deputy's 暂停接收留言 mark and the notices telling him of it are an outbox write like any other: they go through
 * group commit (review 33, section 10), so the clerk hears "done" only once the group's flush to disk is over, and a
 * flush that fails refuses it in words, as every other grouped write is refused.
 */
describe('sqlite: a deputy marked away is written through group commit', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-away-group-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('is answered only after the sync of its group, with its notice in the same group', async () => {
    let holding = false
    const held: Array<() => void> = []
    const sync = () => (holding ? new Promise<void>((done) => held.push(done)) : Promise.resolve())
    const store = createSqliteStore(join(dir, 'liaison.db'), { groupCommit: { sync } })
    try {
      await store.directory.upsertAll(sampleDirectory())
      holding = true
      let answered = 'waiting'
      const told = outboxMessage('deputy-away:dp0001:1', { kind: 'deputy.away', recipientId: 'dp0001', payload: { text: '暂停接收新留言' } })
      void store.deputies.setAway('dp0001', LEAVE, [told]).then(() => (answered = 'done'))
      await turns()
      expect((await store.deputies.get('dp0001'))!.away, 'committed').to.deep.equal(LEAVE)
      expect((await store.outbox.search({ limit: 10, kind: 'deputy.away' })).items.map((m) => m.dedupeKey)).to.deep.equal(['deputy-away:dp0001:1'])
      expect(held, 'one flush under way, for its group').to.have.length(1)
      expect(answered, 'not told before the flush is on disk').to.equal('waiting')
      held[0]()
      await turns()
      expect(answered).to.equal('done')
    } finally {
      await store.close()
    }
  })

  it('is refused, like every grouped write, once a flush to disk has failed', async () => {
    const store = createSqliteStore(join(dir, 'liaison.db'), {
      groupCommit: { sync: () => Promise.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })) },
    })
    try {
      await store.directory.upsertAll(sampleDirectory()).catch(() => undefined)
      await store.outbox.enqueue([]).catch(() => undefined)
      const marked = await store.deputies.setAway('dp0001', LEAVE, []).then(
        () => 'saved',
        (error) => error.code,
      )
      expect(marked).to.equal('store_unavailable')
    } finally {
      await store.close()
    }
  })
})
