import { expect } from 'chai'
import { toHotIssueCase } from '../../src/domain/weekly-report.js'
import type { CaseRecord } from '../../src/domain/case.js'
import type { Store } from '../../src/store/ports.js'
import { caseRepo } from '../../src/store/sqlite/case-repos.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { hotIssueWindows } from '../../src/store/sqlite/hot-issue-window.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { HOUR, liveCaseLives, NOW, SCOPES, T0 } from './case-life.js'

/**
 * The sqlite adapter keeps hot issues' window between reads and learns what changed from a change
 * log written by triggers (migration 040): so writes that bypass the repository — a raw delete or
 * update, as retention, an import or an operator's fix may make — show too, and the log stays small.
 */
describe('sqlite: hot issues kept between reads see every write to cases', () => {
  let db: Db
  let cases: ReturnType<typeof caseRepo>
  let lives: CaseRecord[]
  const window = { createdFrom: new Date(T0.getTime() + 20 * HOUR), createdTo: NOW }
  const expected = async (filter: typeof window = window) =>
    (await cases.listForStats(filter)).filter((c) => c.status !== 'rejected').map((c) => ({ ...toHotIssueCase(c, NOW), mergedInto: c.mergedInto }))
  const read = () => cases.listForHotIssues(window, NOW)

  beforeEach(async () => {
    db = openDatabase(':memory:')
    cases = caseRepo(db, new GroupCommit(db))
    lives = await liveCaseLives({ cases } as unknown as Store)
  })
  afterEach(() => db.close())

  it('drops a case deleted by a plain statement, and shows one changed by a plain statement', async () => {
    const before = await read()
    const [gone, edited] = before.slice(2, 4)
    db.prepare('DELETE FROM case_events WHERE case_id = ?').run(gone.id)
    db.prepare('DELETE FROM cases WHERE id = ?').run(gone.id)
    db.prepare("UPDATE cases SET text = '楼道灯坏了', topic = '城乡建设' WHERE id = ?").run(edited.id)
    const after = await read()
    expect(after).to.deep.equal(await expected())
    expect(after.map((c) => c.id)).not.to.include(gone.id)
    expect(after.find((c) => c.id === edited.id)).to.include({ text: '楼道灯坏了', topic: '城乡建设' })
    expect(after).to.have.length(before.length - 1)
  })

  it('keeps the change log bounded, and a reader left behind by its pruning reads its window afresh', async () => {
    await read()
    const renamed = lives.find((c) => c.createdAt >= window.createdFrom && !c.mergedInto && c.status !== 'rejected')!
    db.prepare("UPDATE cases SET text = '门口的路面塌了' WHERE id = ?").run(renamed.id)
    // A quarter of a million changes later (an import, a busy year), the one above is long pruned.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250000) INSERT INTO case_changes (case_id) SELECT 'cs-elsewhere' FROM n`,
    ).run()
    const kept = db.prepare('SELECT count(*) AS n, min(seq) AS first FROM case_changes').get() as { n: number; first: number }
    expect(kept.n).to.be.at.most(110_000)
    expect(kept.first).to.be.greaterThan(150_000)
    expect((await read()).find((c) => c.id === renamed.id)?.text).to.equal('门口的路面塌了')
    expect(await read()).to.deep.equal(await expected())
  })

  it('prunes the change log a little at a time: no single case write drops thousands of old changes', async () => {
    // The log full: a hundred thousand changes behind the newest.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000) INSERT INTO case_changes (case_id) SELECT 'cs-elsewhere' FROM n`,
    ).run()
    const kept = () => db.prepare('SELECT count(*) FROM case_changes').pluck().get() as number
    const edited = lives[0]
    let most = 0
    for (let i = 0; i < 10_000; i++) {
      const before = kept()
      db.prepare('UPDATE cases SET text = ? WHERE id = ?').run(`第${i}次修改`, edited.id)
      most = Math.max(most, before + 1 - kept())
    }
    expect(most, 'old changes dropped by one write').to.be.at.most(100)
    expect(kept(), 'still bounded').to.be.at.most(100_100)
    expect(await read()).to.deep.equal(await expected())
  })

  it('keeps few windows and messages: the least recently asked go first, one too large alone is answered but not kept', async () => {
    const windows = hotIssueWindows(db, { windows: 2, messages: 30, chars: Infinity })
    const answers = new Map<string, unknown>()
    for (const [name, scope] of Object.entries(SCOPES)) {
      const filter = { ...scope, ...window }
      const answer = windows.list(filter, NOW)
      expect(answer, name).to.deep.equal(
        (await cases.listForStats(filter)).filter((c) => c.status !== 'rejected').map((c) => ({ ...toHotIssueCase(c, NOW), mergedInto: c.mergedInto })),
      )
      answers.set(name, answer)
      expect(windows.kept().windows, name).to.be.at.most(2)
      expect(windows.kept().messages, name).to.be.at.most(30)
    }
    expect(windows.list(window, NOW), 'the city: more than 30 messages').to.have.length.greaterThan(30)
    expect(windows.kept().messages, 'the city not kept').to.be.at.most(30)
    // The last two scopes asked are still kept, and answer the same.
    expect(windows.kept().windows).to.equal(2)
    expect(windows.list({ ...SCOPES.nothing, ...window }, NOW)).to.deep.equal(answers.get('nothing'))
  })

  it('bounds the texts kept, not only their number: long messages push the least recently asked windows out', async () => {
    const textOf = (answer: Array<{ text: string }>) => answer.reduce((n, c) => n + c.text.length, 0)
    const [stations, district] = [
      { ...SCOPES.stations, ...window },
      { ...SCOPES.district, ...window },
    ]
    const sizes = { stations: textOf(await expected(stations)), district: textOf(await expected(district)) }
    expect(sizes.stations).to.be.greaterThan(0)
    expect(sizes.district).to.be.greaterThan(0)
    const windows = hotIssueWindows(db, { windows: 8, messages: 1_000_000, chars: Math.max(sizes.stations, sizes.district) })
    expect(windows.list(stations, NOW)).to.deep.equal(await expected(stations))
    expect(windows.kept()).to.include({ windows: 1, chars: sizes.stations })
    expect(windows.list(district, NOW)).to.deep.equal(await expected(district))
    // Both together are over the budget: the one asked first went.
    expect(windows.kept()).to.include({ windows: 1, chars: sizes.district })
    expect(windows.list(window, NOW), 'the city, answered').to.deep.equal(await expected())
    expect(windows.kept().chars, 'the city, over the budget alone, not kept').to.be.at.most(Math.max(sizes.stations, sizes.district))
  })
})
