import { expect } from 'chai'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ServiceUnavailableError } from '../../src/errors.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
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

const eio = () => Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })

/**
 * Group commit makes a group durable off the event loop (the WAL's fdatasync on the thread pool):
 * a writer hears "done" only once the sync that covers its group is over, never before, and a
 * sync that fails leaves nobody told "done" whose row may not be on disk.
 */
describe('sqlite: group commit answers a group only once its sync is done', () => {
  let dir: string
  let db: Db
  const file = () => join(dir, 'liaison.db')
  const notes = () => db.prepare('SELECT text FROM notes ORDER BY text').pluck().all()
  const synchronous = () => Number(db.pragma('synchronous', { simple: true }))

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-group-sync-'))
    db = openDatabase(file())
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)')
  })
  afterEach(() => {
    if (db.open) db.close()
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

  it('refuses the whole group when its sync fails, and every group after it, saying so plainly', async () => {
    const { held, sync } = heldSyncs()
    const group = new GroupCommit(db, { sync })
    const together = [answerOf(write(group, 'a')), answerOf(write(group, 'b'))]
    await turns()
    const next = answerOf(write(group, 'c'))
    await turns()
    held[0].fail(eio())
    await turns()
    expect([...together, next].map((a) => a.now)).to.deep.equal(['refused', 'refused', 'refused'])
    expect(next.error).to.be.instanceOf(ServiceUnavailableError)
    expect(next.error).to.include({ code: 'store_unavailable', message: '暂时无法保存，请稍后再试' })

    const later = answerOf(write(group, 'd'))
    await turns()
    expect(later.now, 'no more grouped writes until restart').to.equal('refused')
    expect(notes(), 'not even written').not.to.include('d')
    expect(held, 'the failed sync was the only one').to.have.length(1)
    expect(() => db.prepare('INSERT INTO notes (text) VALUES (?)').run('outside the group'), 'nor any other write').to.throw(/readonly/)
    expect(notes(), 'reads still answer').to.include('a')
  })

  it('says once, with the cause, that its writes stopped, and keeps saying it is stopped', async () => {
    const { held, sync } = heldSyncs()
    const told: Error[] = []
    const group = new GroupCommit(db, { sync, onStopped: (error) => told.push(error) })
    expect(group.stopped).to.equal(null)
    void write(group, 'a').catch(() => {})
    await turns()
    held[0].fail(eio())
    await turns()
    for (const text of ['b', 'c']) {
      void write(group, text).catch(() => {})
      await turns()
    }
    expect(told, 'told once, not per refused write').to.have.length(1)
    expect(told[0].message).to.match(/flushed to disk/)
    expect((told[0].cause as Error).message).to.match(/EIO/)
    expect(group.stopped).to.equal(told[0])
  })

  it('commits its groups with synchronous=NORMAL and leaves every other write of the connection FULL', async () => {
    const group = new GroupCommit(db, { sync: async () => {} })
    const inGroup = await group.run(synchronous)
    expect(inGroup, 'NORMAL: the sync comes after').to.equal(1)
    expect(synchronous(), 'FULL outside').to.equal(2)
    expect(await group.run(synchronous), 'and NORMAL again for the next group').to.equal(1)
    expect(synchronous()).to.equal(2)
  })

  it('by default syncs the WAL file itself, and answers', async () => {
    const group = new GroupCommit(db)
    await Promise.all([write(group, 'one'), write(group, 'two')])
    await write(group, 'three')
    expect(notes()).to.deep.equal(['one', 'three', 'two'])
    const wal = statSync(`${file()}-wal`)
    expect(group.walSynced).to.deep.equal({ dev: wal.dev, ino: wal.ino })
    group.close()
  })

  it('syncs the WAL file now at the path after the WAL was removed and made again, not the deleted one it had open', async () => {
    const group = new GroupCommit(db)
    await write(group, 'before')
    const first = statSync(`${file()}-wal`)
    expect(group.walSynced).to.deep.equal({ dev: first.dev, ino: first.ino })

    db.exec('PRAGMA journal_mode = DELETE') // checkpoints and removes the WAL file
    expect(existsSync(`${file()}-wal`)).to.equal(false)
    db.exec('PRAGMA journal_mode = WAL')
    await write(group, 'after')
    const now = statSync(`${file()}-wal`)
    expect(now.ino, 'a new file').not.to.equal(first.ino)
    expect(group.walSynced, 'the file holding the new frames was flushed').to.deep.equal({ dev: now.dev, ino: now.ino })
    expect(notes()).to.deep.equal(['after', 'before'])
    group.close()
  })

  it('keeps writing while the file is not in WAL mode for a moment: the frames went to the database file, which it flushes', async () => {
    const group = new GroupCommit(db)
    await write(group, 'in wal')
    db.exec('PRAGMA journal_mode = DELETE')
    await write(group, 'in delete mode')
    expect(notes()).to.deep.equal(['in delete mode', 'in wal'])
    expect(group.stopped).to.equal(null)
    group.close()
  })

  it('on a file not in WAL mode, commits each group with synchronous=FULL itself and takes every write', async () => {
    db.exec('PRAGMA journal_mode = DELETE') // as where WAL cannot be set up (no shared memory)
    const group = new GroupCommit(db)
    const inGroup = await Promise.all([group.run(synchronous), write(group, 'one')])
    expect(inGroup[0], 'FULL: the COMMIT is the flush').to.equal(2)
    await write(group, 'two')
    expect(notes()).to.deep.equal(['one', 'two'])
    expect(existsSync(`${file()}-wal`), 'no WAL file was wanted').to.equal(false)
    expect(group.stopped).to.equal(null)
  })

  it('in memory, commits each group at once: nothing to flush', async () => {
    const memory = openDatabase(':memory:')
    try {
      memory.exec('CREATE TABLE notes (text TEXT NOT NULL)')
      const group = new GroupCommit(memory)
      await group.run(() => memory.prepare('INSERT INTO notes (text) VALUES (?)').run('kept'))
      expect(memory.prepare('SELECT text FROM notes').pluck().all()).to.deep.equal(['kept'])
      expect(group.walSynced).to.equal(null)
    } finally {
      memory.close()
    }
  })
})

describe('sqlite store: not ready while its grouped writes are stopped', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-group-stop-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('fails its ping after a failed sync, and told whoever opened it once', async () => {
    const told: Error[] = []
    const store = createSqliteStore(join(dir, 'liaison.db'), {
      groupCommit: { sync: () => Promise.reject(eio()), onStopped: (error) => told.push(error) },
    })
    try {
      await store.ping()
      // Any grouped write: the one that meets the failed sync.
      const sent = await store.outbox.enqueue([]).then(
        () => 'saved',
        (error) => error.code,
      )
      expect(sent).to.equal('store_unavailable')
      let pinged: Error | null = null
      await store.ping().catch((error) => (pinged = error))
      expect(pinged, '/readyz fails').to.be.instanceOf(Error)
      expect(told).to.have.length(1)
      // A message claimed now could be sent but never marked sent, and would go out again after its lease.
      const claimed = await store.outbox.claimDue(new Date(), { limit: 10, leaseMs: 60_000, holder: 'h', channels: ['wecom_robot'] }).then(
        () => 'claimed',
        (error) => error.code,
      )
      expect(claimed, 'no write of any kind').to.equal('SQLITE_READONLY')
    } finally {
      await store.close()
    }
  })
})
