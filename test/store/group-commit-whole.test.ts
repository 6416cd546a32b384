import { expect } from 'chai'
import { GroupCommit, Refused } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'

/**
 * A write that keeps itself whole (GroupCommit.runWhole) runs without a savepoint of its own: when it
 * refuses, having left nothing, it is refused alone; when it throws, it may have left something half
 * written, so its whole group is refused and nothing of it is written.
 */
describe('sqlite: a group with writes that keep themselves whole', () => {
  let db: Db
  let group: GroupCommit
  let add: (item: string) => void
  let applied: string[][]
  const insert = (text: string) => db.prepare('INSERT INTO notes (text) VALUES (?)').run(text)
  const notes = () => db.prepare('SELECT text FROM notes ORDER BY text').pluck().all() as string[]

  beforeEach(() => {
    db = openDatabase(':memory:')
    db.exec('CREATE TABLE notes (text TEXT NOT NULL UNIQUE)')
    group = new GroupCommit(db, { sync: null })
    applied = []
    add = group.gather<string>((items) => void applied.push([...items]))
  })
  afterEach(() => db.close())

  it('refuses a write that says it refused, alone: its caller gets the reason, the others are written, what it added goes', async () => {
    const results = await Promise.allSettled([
      group.run(() => insert('a')),
      group.runWhole(() => {
        add('refused')
        return new Refused(new Error('不收'))
      }),
      group.runWhole(() => {
        insert('b')
        add('b')
        return 'b written'
      }),
    ])
    expect(results.map((r) => (r.status === 'fulfilled' ? 'written' : (r.reason as Error).message))).to.deep.equal(['written', '不收', 'written'])
    expect(results[2]).to.deep.equal({ status: 'fulfilled', value: 'b written' })
    expect(notes()).to.deep.equal(['a', 'b'])
    expect(applied).to.deep.equal([['b']])
  })

  it('refuses the whole group when such a write throws: it may have left something half written', async () => {
    const results = await Promise.allSettled([
      group.run(() => insert('a')),
      group.runWhole(() => {
        insert('c')
        throw new Error('disk gone')
      }),
      group.run(() => insert('d')),
    ])
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected', 'rejected'])
    expect(notes()).to.deep.equal([])
    // The next group is written as usual.
    await group.runWhole(() => insert('e'))
    expect(notes()).to.deep.equal(['e'])
  })
})
