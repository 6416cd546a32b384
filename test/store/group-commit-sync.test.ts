import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sessionRepo } from '../../src/store/sqlite/auth-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/** A sync the test finishes by hand: the disk flush of the WAL, held. */
function heldSyncs() {
  const held: Array<{ done: () => void; fail: (err: Error) => void }> = []
  const sync = () => new Promise<void>((done, fail) => held.push({ done, fail }))
  return { held, sync }
}

/** What a writer has been told so far. */
function answerOf(promise: Promise<unknown>) {
  const seen: { now: 'waiting' | 'done' | 'refused'; error?: Error } = { now: 'waiting' }
  promise.then(
    () => (seen.now = 'done'),
    (error) => Object.assign(seen, { now: 'refused', error }),
  )
  return seen
}

const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * Group commit makes a group durable off the event loop (the WAL's fdatasync on the thread pool):
 * a writer hears "done" only once the sync that covers its group is over, never before, and a
 * sync that fails leaves nobody told "done" whose row may not be on disk.
 */
describe('sqlite: group commit answers a group only once its sync is done', () => {
  let dir: string
  let db: Db
  const notes = () => db.prepare('SELECT text FROM notes ORDER BY text').pluck().all()

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-group-sync-'))
    db = openDatabase(join(dir, 'liaison.db'))
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)')
  })
  afterEach(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const write = (group: GroupCommit, text: string) => group.run(() => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text))

  it('waits for the sync after its COMMIT; a group committed meanwhile waits for the next sync', async () => {
    const { held, sync } = heldSyncs()
    const group = new GroupCommit(db, { sync })
    const first = answerOf(write(group, 'first'))
    await turns()
    expect(notes(), 'committed').to.deep.equal(['first'])
    expect(held, 'one sync under way').to.have.length(1)
    expect(first.now, 'not told before the sync').to.equal('waiting')

    const second = answerOf(write(group, 'second'))
    await turns()
    expect(notes(), 'the next group commits meanwhile').to.deep.equal(['first', 'second'])
    expect(held, 'its sync waits for the one under way').to.have.length(1)

    held[0].done()
    await turns()
    expect(first.now).to.equal('done')
    expect(second.now, 'the first sync may not cover it').to.equal('waiting')
    expect(held, 'a second sync for the second group').to.have.length(2)
    held[1].done()
    await turns()
    expect(second.now).to.equal('done')
  })

  it('refuses the whole group when its sync fails, and every group after it', async () => {
    const { held, sync } = heldSyncs()
    const group = new GroupCommit(db, { sync })
    const together = [answerOf(write(group, 'a')), answerOf(write(group, 'b'))]
    await turns()
    const next = answerOf(write(group, 'c'))
    await turns()
    held[0].fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))
    await turns()
    expect([...together, next].map((a) => a.now)).to.deep.equal(['refused', 'refused', 'refused'])
    expect(next.error?.message).to.match(/flushed to disk/)

    const later = answerOf(write(group, 'd'))
    await turns()
    expect(later.now, 'no more grouped writes until restart').to.equal('refused')
    expect(notes(), 'not even written').not.to.include('d')
    expect(held, 'the failed sync was the only one').to.have.length(1)
  })

  it('commits its groups with synchronous=NORMAL and leaves every other write of the connection FULL', async () => {
    const group = new GroupCommit(db, { sync: async () => {} })
    const inGroup = await group.run(() => Number(db.pragma('synchronous', { simple: true })))
    expect(inGroup, 'NORMAL: the sync comes after').to.equal(1)
    expect(Number(db.pragma('synchronous', { simple: true })), 'FULL outside').to.equal(2)
  })

  it("writes a session's last-seen time in a group, sharing its sync instead of one on the event loop", async () => {
    const { held, sync } = heldSyncs()
    const group = new GroupCommit(db, { sync })
    const sessions = sessionRepo(db, group)
    const at = new Date('2026-12-01T08:00:00Z')
    const session = {
      id: 's-1',
      tokenHash: 'h-1',
      subjectKind: 'mp_user' as const,
      subjectId: 'mu-1',
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date('2026-12-31T08:00:00Z'),
    }
    await sessions.create(session)
    const touched = answerOf(sessions.touch('s-1', new Date('2026-12-01T09:00:00Z')))
    await turns()
    expect(held, 'the group syncs').to.have.length(1)
    expect(touched.now).to.equal('waiting')
    held[0].done()
    await turns()
    expect(touched.now).to.equal('done')
    expect((await sessions.findByTokenHash('h-1'))?.lastSeenAt).to.deep.equal(new Date('2026-12-01T09:00:00Z'))
  })

  it('by default syncs the WAL file itself, and answers', async () => {
    const group = new GroupCommit(db)
    await Promise.all([write(group, 'one'), write(group, 'two')])
    await write(group, 'three')
    expect(notes()).to.deep.equal(['one', 'three', 'two'])
    group.close()
  })
})
