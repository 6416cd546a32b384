import { expect } from 'chai'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/**
 * Counters many writes of a group add to are written once per group (GroupCommit.gather): what an
 * undone write added goes with it, and nothing of a group is carried into the next.
 */
describe('sqlite: a group gathers what its writes add and writes it once', () => {
  let db: Db
  let group: GroupCommit
  let applied: string[][]
  let add: (item: string) => void
  const insert = (text: string) => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text)
  const counters = () =>
    Object.fromEntries(
      db
        .prepare('SELECT name, count FROM counters ORDER BY name')
        .all()
        .map((r: any) => [r.name, r.count]),
    )

  beforeEach(() => {
    db = openDatabase(':memory:')
    db.exec('CREATE TABLE notes (text TEXT NOT NULL UNIQUE); CREATE TABLE counters (name TEXT PRIMARY KEY, count INTEGER NOT NULL)')
    group = new GroupCommit(db, { sync: null })
    applied = []
    const bump = db.prepare('INSERT INTO counters (name, count) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET count = count + 1')
    add = group.gather<string>((items) => {
      applied.push([...items])
      for (const name of items) bump.run(name)
    })
  })
  afterEach(() => db.close())

  it('gives the kept items of every write of a group to one apply, in the same transaction', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((text) =>
        group.run(() => {
          insert(text)
          add('notes')
          add(`note-${text}`)
        }),
      ),
    )
    expect(applied).to.deep.equal([['notes', 'note-a', 'notes', 'note-b', 'notes', 'note-c']])
    expect(counters()).to.deep.equal({ notes: 3, 'note-a': 1, 'note-b': 1, 'note-c': 1 })
  })

  it('drops what a write added when the write is undone, and keeps the others’', async () => {
    const results = await Promise.allSettled(
      ['a', 'a', 'b'].map((text) =>
        group.run(() => {
          add('notes')
          insert(text) // the second 'a' breaks the unique key after it added
        }),
      ),
    )
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled'])
    expect(counters()).to.deep.equal({ notes: 2 })
  })

  it('carries nothing into the next group when a group fails as a whole', async () => {
    group.beforeCommit(() => {
      if (db.prepare("SELECT 1 FROM notes WHERE text = 'poison'").get()) throw new Error('the group fails')
    })
    const failed = await Promise.allSettled([group.run(() => (add('lost'), insert('x'))), group.run(() => (add('lost'), insert('poison')))])
    expect(failed.map((r) => r.status)).to.deep.equal(['rejected', 'rejected'])
    expect(counters()).to.deep.equal({})
    await group.run(() => (add('kept'), insert('y')))
    expect(counters()).to.deep.equal({ kept: 1 })
    expect(applied.at(-1)).to.deep.equal(['kept'])
  })

  it('calls apply only for a group that added something', async () => {
    await group.run(() => insert('z'))
    expect(applied).to.deep.equal([])
  })
})
