import { expect } from 'chai'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CaseRecord } from '../../src/domain/case.js'
import type { CaseRepo } from '../../src/store/ports.js'
import type { PrivacyRepo } from '../../src/store/privacy-ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { privacyRepo } from '../../src/store/sqlite/privacy-repo.js'
import { caseEvent, caseRecord } from './records.js'

/** FTS5's own check of the index against the texts in `cases` (throws when they disagree). */
const indexIsSound = (db: Db) => db.prepare("INSERT INTO cases_fts (cases_fts, rank) VALUES ('integrity-check', 1)").run()
/** The cases the text index itself holds for a phrase (not joined to cases: a stale entry would show). */
const indexed = (db: Db, phrase: string) => db.prepare('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?').pluck().all(`"${phrase}"`)
const found = async (cases: CaseRepo, phrase: string) => (await cases.search({ limit: 50, textWords: [phrase] })).items.map((c) => c.text)
/** What is left queued or marked once a group is committed: always nothing. */
/** Deletes cases as a plain statement would (their timelines first). */
const deleteCases = (db: Db, where: string, ...params: unknown[]) => {
  db.prepare(`DELETE FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE ${where})`).run(...params)
  return db.prepare(`DELETE FROM cases WHERE ${where}`).run(...params).changes
}
/** A case written by a plain INSERT (as an import or the province generator does): a copy of another with its own id and text. */
const insertPlainly = (db: Db, id: string, text: string) => {
  const columns = Object.keys(db.prepare('SELECT * FROM cases LIMIT 1').get() as object)
  const values = columns.map((c) => (c === 'id' || c === 'ticket' ? `'${id}'` : c === 'text' ? `'${text}'` : c))
  db.exec(`INSERT INTO cases SELECT ${values.join(', ')} FROM cases LIMIT 1`)
}
const leftOver = (db: Db) => db.prepare('SELECT (SELECT count(*) FROM cases_fts_pending) + (SELECT count(*) FROM cases_fts_deferring)').pluck().get()

/**
 * A new message's text enters the search index once per group commit, after its writes and
 * before COMMIT (migration 044): the same answers as indexing each message as it is written,
 * whatever else the group does to it.
 */
describe('sqlite: the text of a group of new messages indexed together', () => {
  let db: Db
  let group: GroupCommit
  let cases: CaseRepo
  let privacy: PrivacyRepo
  beforeEach(() => {
    db = openDatabase(':memory:')
    group = new GroupCommit(db)
    cases = caseRepo(db, group)
    privacy = privacyRepo(db, group)
  })
  afterEach(() => db.close())

  const submit = (over: Partial<CaseRecord>) => {
    const record = caseRecord(over)
    return cases.submit({ record, ticketDate: '2026-11-22', events: [caseEvent(record.id, 'submitted')], outbox: [] })
  }
  const erase = (id: string, text: string) =>
    privacy.anonymiseCase({ caseId: id, text, reply: null, ratingComment: null, ratingComments: [], eventNotes: {}, messageTexts: {} }, new Date())

  it('messages written in one group are each found by their words once it is answered, written to the index as one segment', async () => {
    const texts = Array.from({ length: 30 }, (_, i) => `第${i}号楼的路灯坏了${i}天`)
    await Promise.all(texts.map((text) => submit({ text })))
    for (const i of [0, 17, 29]) expect(await found(cases, `第${i}号楼`)).to.deep.equal([texts[i]])
    expect(await found(cases, '路灯坏了')).to.have.length(30)
    // One group, one segment of the index: written message by message, inside each one's
    // savepoint, it was a segment each (FTS5 writes its terms out at every savepoint), merged again and again.
    expect(db.prepare('SELECT count(DISTINCT segid) FROM cases_fts_idx').pluck().get()).to.equal(1)
    expect(leftOver(db)).to.equal(0)
    indexIsSound(db)
  })

  it('a write undone in its group (the same case twice) is neither indexed nor left queued; the others are found', async () => {
    const first = caseRecord({ text: '菜市场门口污水横流' })
    const outcomes = await Promise.allSettled([
      submit({ text: '公交站台太远老人不便' }),
      cases.submit({ record: first, ticketDate: '2026-11-22', events: [], outbox: [] }),
      submit({ id: first.id, text: '重复的留言不该被找到' }),
      submit({ text: '学校门口上下学拥堵' }),
    ])
    expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(await found(cases, '公交站台')).to.have.length(1)
    expect(await found(cases, '污水横流')).to.have.length(1)
    expect(await found(cases, '上下学拥堵')).to.have.length(1)
    expect(indexed(db, '重复的留言')).to.deep.equal([])
    expect(leftOver(db)).to.equal(0)
    indexIsSound(db)
  })

  it('a group whose every write is undone leaves no marker behind: a later plain INSERT is indexed at once', async () => {
    const taken = await submit({ text: '第一条留言' })
    expect(await Promise.allSettled([submit({ id: taken.id, text: '撞了编号的留言' })])).to.have.nested.property('[0].status', 'rejected')
    expect(leftOver(db)).to.equal(0)
    insertPlainly(db, 'case-plain', '导入的一条留言')
    expect(indexed(db, '导入的一条')).to.have.length(1)
    indexIsSound(db)
  })

  it('a message erased in the group that wrote it is indexed with its erased text only; erased in a later group, the same', async () => {
    const kept = await submit({ text: '我的电话是一三九零零零零' })
    const later = await submit({ text: '我家住在幸福小区五号楼' })
    // Erased in the same group as its writing: the erasure is queued right behind the submit.
    const [, erasedNow] = await Promise.all([submit({ id: 'case-same-group', text: '我叫张三住在光明路九号' }), erase('case-same-group', '【已匿名】')])
    expect(erasedNow).to.equal(true)
    expect(await erase(later.id, '【已匿名】')).to.equal(true)
    expect(await found(cases, '光明路九号')).to.deep.equal([])
    expect(indexed(db, '光明路九号')).to.deep.equal([])
    expect(await found(cases, '幸福小区')).to.deep.equal([])
    expect(await found(cases, '已匿名')).to.have.length(2)
    expect(await found(cases, '一三九零')).to.deep.equal([kept.text])
    expect(leftOver(db)).to.equal(0)
    indexIsSound(db)
  })

  it('a message deleted in the group that wrote it, and one taking its row number in the same group, leave the index sound', async () => {
    await submit({ text: '留下的第一条留言' })
    const removeNewest = () => group.run(() => deleteCases(db, 'rowid = (SELECT max(rowid) FROM cases)'))
    const [gone, , next] = await Promise.all([submit({ text: '写了又删的留言' }), removeNewest(), submit({ text: '接着写的新留言' })])
    expect(db.prepare('SELECT rowid FROM cases WHERE id = ?').pluck().get(next.id)).to.equal(2) // the deleted one's number
    expect(gone.id).to.not.equal(next.id)
    expect(await found(cases, '写了又删')).to.deep.equal([])
    expect(await found(cases, '接着写的')).to.deep.equal(['接着写的新留言'])
    // Deleted in a later group, once indexed: gone from the index too.
    await Promise.all([removeNewest()])
    expect(await found(cases, '接着写的')).to.deep.equal([])
    expect(indexed(db, '接着写的')).to.deep.equal([])
    expect(await found(cases, '留下的第一条')).to.have.length(1)
    indexIsSound(db)
  })

  it('a case written by a plain statement outside group commit (an import, the province generator) is indexed at once', async () => {
    await submit({ text: '通过服务写入的留言' })
    insertPlainly(db, 'case-raw', '直接写入的一条留言')
    expect(await found(cases, '直接写入的')).to.have.length(1)
    expect(leftOver(db)).to.equal(0)
    indexIsSound(db)
  })

  it('the index stays sound after groups that mix new, failed, changed, erased and deleted messages', async () => {
    const outcomes: string[] = []
    for (let g = 0; g < 6; g++) {
      const writes: Array<Promise<unknown>> = []
      for (let i = 0; i < 8; i++) writes.push(submit({ id: `case-${g}-${i}`, text: `第${g}组的第${i}条：楼道灯坏了` }))
      writes.push(submit({ id: `case-${g}-0`, text: '重复' }))
      if (g > 0) {
        // Erased and deleted: one of the last group's, one of this group's own.
        writes.push(erase(`case-${g - 1}-1`, '【已匿名】'), erase(`case-${g}-2`, '【已匿名】'))
        writes.push(group.run(() => deleteCases(db, 'id IN (?, ?)', `case-${g - 1}-3`, `case-${g}-4`)))
      }
      outcomes.push(...(await Promise.allSettled(writes)).map((o) => (o.status === 'fulfilled' ? String(o.value) : 'failed')))
      expect(leftOver(db)).to.equal(0)
      indexIsSound(db)
    }
    expect(outcomes.filter((o) => o === 'failed')).to.have.length(6)
    expect(outcomes.filter((o) => o === 'true')).to.have.length(10) // erased
    expect(outcomes.filter((o) => o === '2')).to.have.length(5) // two deleted each time
    // 48 written, 10 erased, 10 deleted.
    expect(await found(cases, '楼道灯坏了')).to.have.length(28)
    expect(await found(cases, '已匿名')).to.have.length(10)
  })

  it('a step of the group that fails at its end fails the whole group: every caller is told, nothing is written', async () => {
    let failing = false
    group.beforeCommit(() => {
      if (failing) throw new Error('disk I/O error')
    })
    await submit({ text: '之前的一条留言' })
    failing = true
    const outcomes = await Promise.allSettled([submit({ text: '没写成的第一条' }), submit({ text: '没写成的第二条' })])
    expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected'])
    expect(db.prepare('SELECT text FROM cases').pluck().all()).to.deep.equal(['之前的一条留言'])
    failing = false
    await submit({ text: '恢复以后的一条留言' })
    expect(await found(cases, '以后的一条')).to.have.length(1)
    expect(indexed(db, '没写成的')).to.deep.equal([])
    expect(leftOver(db)).to.equal(0)
    indexIsSound(db)
  })
})

describe('sqlite: migration 044 on a file whose cases were indexed one by one', () => {
  it('keeps every case indexed once, and indexes the next ones by group', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-044-'))
    try {
      const file = join(dir, 'liaison.db')
      const first = openDatabase(file)
      await caseRepo(first, new GroupCommit(first)).submit({
        record: caseRecord({ text: '旧的留言：路灯坏了' }),
        ticketDate: '2026-11-22',
        events: [],
        outbox: [],
      })
      first.close()
      // The text index as migration 031 left it, and a case written under it by a plain statement.
      const bare = new Database(file)
      bare.exec(`DROP TRIGGER cases_fts_insert; DROP TRIGGER cases_fts_queued; DROP TRIGGER cases_fts_delete; DROP TRIGGER cases_fts_update;
        DROP TABLE cases_fts_pending; DROP TABLE cases_fts_deferring; DELETE FROM schema_migrations WHERE version = 44;
        CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text); END;
        CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN INSERT INTO cases_fts(cases_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
        CREATE TRIGGER cases_fts_update AFTER UPDATE OF text ON cases WHEN old.text IS NOT new.text BEGIN
          INSERT INTO cases_fts(cases_fts, rowid, text) VALUES ('delete', old.rowid, old.text); INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text); END;`)
      insertPlainly(bare, 'case-old-2', '旧的留言：电梯坏了')
      bare.close()

      const db = openDatabase(file)
      try {
        expect(db.prepare('SELECT count(*) FROM schema_migrations WHERE version = 44').pluck().get()).to.equal(1)
        const cases = caseRepo(db, new GroupCommit(db))
        await Promise.all(
          ['新的留言：路灯又坏了', '新的留言：电梯又坏了'].map((text) =>
            cases.submit({ record: caseRecord({ text }), ticketDate: '2026-11-22', events: [], outbox: [] }),
          ),
        )
        for (const phrase of ['旧的留言', '新的留言']) expect(indexed(db, phrase), phrase).to.have.length(2)
        expect(indexed(db, '：路灯')).to.have.length(2)
        expect(indexed(db, '：电梯')).to.have.length(2)
        expect(await found(cases, '留言：')).to.have.length(4)
        indexIsSound(db)
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
