import Database from 'better-sqlite3'
import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { WalCheckpointer } from '../../src/store/sqlite/wal-checkpointer.js'

/** Waits until `check` holds, looking every 20 ms; fails after 20 s (never a measure of speed: a busy machine only waits longer). */
async function eventually(check: () => boolean, what: string) {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  expect.fail(`never happened: ${what}`)
}

/**
 * The WAL is copied into the database file by a worker thread with its own connection, so the app's
 * connection no longer stops the event loop to copy and flush thousands of pages every couple of
 * seconds while messages keep arriving. What it must keep: every committed row reaches the file, the
 * WAL is reused from its beginning once copied (it does not grow without end), the store's close
 * leaves one whole file, and a thread that cannot run changes nothing but who checkpoints.
 */
describe('sqlite: the WAL is copied into the database file off the event loop', () => {
  let dir: string
  let db: Db
  let checkpointer: WalCheckpointer
  const file = () => join(dir, 'liaison.db')
  /** The rows the database file holds by itself, without its WAL: a copy of the file alone, opened. */
  const inFileAlone = (sql: string) => {
    const alone = join(dir, 'alone.db')
    for (const suffix of ['', '-wal', '-shm']) rmSync(alone + suffix, { force: true })
    copyFileSync(file(), alone)
    const copy = new Database(alone, { readonly: true })
    try {
      return copy.prepare(sql).pluck().all()
    } catch (error) {
      // Not even the table yet (the migrations themselves are still only in the WAL), or a copy taken
      // while a pass was writing the file (torn: the file itself is whole, see the end of each story).
      if (/no such table|malformed/.test(String(error))) return []
      throw error
    } finally {
      copy.close()
    }
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-checkpointer-'))
    db = openDatabase(file())
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)')
    checkpointer = new WalCheckpointer(file())
  })
  afterEach(async () => {
    await checkpointer.close()
    if (db.open) db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const write = (group: GroupCommit, text: string) => group.run(() => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text))

  it('copies what each group committed into the database file soon after, without being asked', async () => {
    const group = new GroupCommit(db, { onCommitted: () => checkpointer.nudge() })
    await Promise.all([write(group, '路灯坏了'), write(group, '垃圾没人清')])
    // Far below the app connection's own threshold (10,000 pages): without the thread it would stay in the WAL.
    await eventually(() => inFileAlone('SELECT text FROM notes ORDER BY text').length === 2, 'both rows in the database file')
    expect(inFileAlone('SELECT text FROM notes ORDER BY text')).to.deep.equal(['垃圾没人清', '路灯坏了'])
    await write(group, '井盖松了')
    await eventually(() => inFileAlone('SELECT count(*) FROM notes')[0] === 3, 'the later row too')
    // No pass under way any more: the file copied now is whole, and holds all three.
    await checkpointer.close()
    expect(inFileAlone('PRAGMA integrity_check')).to.deep.equal(['ok'])
    expect(inFileAlone('SELECT count(*) FROM notes')).to.deep.equal([3])
    group.close()
  })

  it('says what it copied: every frame committed before it ran', async () => {
    const group = new GroupCommit(db)
    for (let i = 0; i < 20; i++) await write(group, `留言 ${i}`)
    const result = await checkpointer.checkpoint()
    expect(result.log, 'frames in the WAL').to.be.greaterThan(0)
    expect(result.checkpointed, 'all of them copied').to.equal(result.log)
    expect(inFileAlone('SELECT count(*) FROM notes')).to.deep.equal([20])
    group.close()
  })

  it('lets the app reuse the WAL from its beginning once copied: the file does not grow with every write', async () => {
    const group = new GroupCommit(db, { onCommitted: () => checkpointer.nudge() })
    const round = async (n: number) => {
      for (let i = 0; i < 50; i++) await write(group, `第 ${n} 轮 ${i} ${'很长的留言'.repeat(40)}`)
      await checkpointer.checkpoint()
    }
    await round(0)
    const after = statSync(`${file()}-wal`).size
    for (let n = 1; n < 6; n++) await round(n)
    // Six rounds of the same writes (~100 frames each): a WAL never started again would have grown by five rounds.
    expect(statSync(`${file()}-wal`).size - after, 'growth of the WAL file over five more rounds').to.be.at.most(64 * 1024)
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).to.equal(300)
    group.close()
  })

  it('after a pass that found a long WAL, makes the next with the grouped writes held, and they are all written after', async () => {
    const group = new GroupCommit(db)
    const held: string[] = []
    let late: Promise<unknown> | null = null
    const catching = new WalCheckpointer(file(), {
      catchUpFrames: 1,
      holdWrites: (task) =>
        group.holdWhile(async () => {
          // Asked while held: queued, not committed, until the pass is over.
          late = write(group, '等着写的留言')
          await new Promise((resolve) => setTimeout(resolve, 50))
          held.push(...(db.prepare('SELECT text FROM notes').pluck().all() as string[]))
          return task()
        }),
    })
    try {
      await write(group, '第一条')
      // A reader still on the first row's snapshot: a pass cannot copy the frames after it.
      const reader = new Database(file())
      reader.exec('BEGIN')
      reader.prepare('SELECT count(*) FROM notes').get()
      await write(group, '第二条')
      catching.nudge()
      await eventually(() => held.length > 0, 'the writes held for a pass')
      expect(held, 'seen while held').to.deep.equal(['第一条', '第二条'])
      reader.exec('COMMIT')
      reader.close()
      await eventually(() => late !== null, 'the write asked while held')
      await late
      expect(db.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all(), 'written once the pass was over').to.deep.equal([
        '第一条',
        '第二条',
        '等着写的留言',
      ])
    } finally {
      await catching.close()
      group.close()
    }
  })

  it('keeps a process alive while its writes wait for a pass, and while it closes: a script that writes, closes and ends does all three', async () => {
    // A tool (an import, a bench) awaits its last write and has nothing else to do: a thread left idle
    // never keeps a process alive, but one making the pass its writes wait for must.
    const script = join(dir, 'last-write.mts')
    const src = (name: string) => JSON.stringify(new URL(`../../src/store/sqlite/${name}`, import.meta.url).pathname)
    writeFileSync(
      script,
      `import { GroupCommit } from ${src('group-commit.ts')}
import { openDatabase } from ${src('open.ts')}
import { WalCheckpointer } from ${src('wal-checkpointer.ts')}
const db = openDatabase(process.argv[2])
const group = new GroupCommit(db)
const checkpointer = new WalCheckpointer(process.argv[2])
await checkpointer.checkpoint() // the thread is up, and idle
void group.holdWhile(() => checkpointer.checkpoint())
await group.run(() => db.prepare("INSERT INTO notes (text) VALUES ('最后一条')").run())
console.log('written')
// Closed with a pass under way: its answer comes first, and the close still waits for the thread.
const last = checkpointer.checkpoint()
await new Promise((resolve) => setImmediate(resolve)) // posted to the thread
await checkpointer.close()
await last
db.close()
console.log('closed')
`,
    )
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, file()], { cwd: process.cwd() })
    expect(stdout.trim().split('\n')).to.deep.equal(['written', 'closed'])
    expect(db.prepare('SELECT text FROM notes').pluck().all()).to.deep.equal(['最后一条'])
  })

  it('a thread that cannot run is said once; nothing else changes', async () => {
    const told: Error[] = []
    const lost = new WalCheckpointer(join(dir, 'no-such-folder', 'liaison.db'), { onError: (error) => told.push(error) })
    lost.nudge()
    await eventually(() => told.length > 0, 'the failure told')
    lost.nudge()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(told).to.have.length(1)
    await lost.checkpoint().then(
      () => expect.fail('a checkpoint after the thread failed'),
      (error: Error) => expect(error.message).to.match(/closed/),
    )
    await lost.close()
  })
})

describe('sqlite store: checkpoints off the event loop and closes whole', () => {
  it('copies grouped writes into the file, and on close ends the thread first: the WAL is folded in and removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-checkpointer-store-'))
    try {
      const file = join(dir, 'liaison.db')
      const store = createSqliteStore(file)
      expect(await store.idempotency.claim('mp:cases', 'key-1', 'hash', new Date('2026-12-02T08:00:00Z'))).to.equal('claimed')
      const alone = () => {
        copyFileSync(file, join(dir, 'alone.db'))
        const copy = new Database(join(dir, 'alone.db'), { readonly: true })
        try {
          return copy.prepare("SELECT count(*) FROM idempotency_keys WHERE key = 'key-1'").pluck().get()
        } catch (error) {
          if (/no such table|malformed/.test(String(error))) return 0
          throw error
        } finally {
          copy.close()
          for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, 'alone.db') + suffix, { force: true })
        }
      }
      await eventually(() => alone() === 1, 'the claim in the database file')
      await store.close()
      expect(existsSync(`${file}-wal`), 'the WAL removed by the last connection').to.equal(false)
      const again = createSqliteStore(file)
      expect(await again.idempotency.claim('mp:cases', 'key-1', 'hash', new Date('2026-12-02T08:01:00Z'))).not.to.equal('claimed')
      await again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
