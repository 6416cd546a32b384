import { expect } from 'chai'
import Database from 'better-sqlite3'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import { GroupCommit } from '../../src/store/sqlite/group-commit.js'
import { openDatabase, type Db } from '../../src/store/sqlite/open.js'
import { surveyRepo } from '../../src/store/sqlite/survey-repo.js'
import { responseRecord, surveyRecord } from './contract-surveys.js'

/** The SQL each statement run while `call` runs, in order. */
async function statementsOf(db: Db, call: () => Promise<unknown>): Promise<string[]> {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', (...args: unknown[]) => unknown>
  const real = { run: proto.run, get: proto.get, all: proto.all }
  const seen: string[] = []
  for (const name of ['run', 'get', 'all'] as const)
    proto[name] = function (this: Database.Statement, ...args: unknown[]) {
      seen.push(this.source.replace(/\s+/g, ' ').trim())
      return real[name].apply(this, args)
    }
  try {
    await call()
  } finally {
    Object.assign(proto, real)
  }
  return seen
}

/**
 * An answer is the busiest write a poster brings: it runs the statements it needs inside
 * group commit's savepoint and nothing more (no read asking first, no savepoint of its own).
 */
describe('sqlite: the write of one survey answer', () => {
  let db: Db
  before(() => {
    db = openDatabase(':memory:')
  })
  after(() => db.close())

  it('inserts the response, counts it against the cap and bumps its tallies at the group’s end, with no read first and no savepoint of its own', async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    const s = await surveys.create(surveyRecord({ responseCap: 10 }))
    const response = responseRecord(s, { id: 'sr-1' })
    const increments = tallyIncrements(s, response)
    const run = await statementsOf(db, () => surveys.respond({ response, increments, texts: [], opinions: [] }))
    const kinds = run.map((sql) => sql.split(' ').slice(0, 3).join(' '))
    expect(kinds).to.deep.equal([
      'BEGIN IMMEDIATE',
      'SAVEPOINT grouped_write',
      'INSERT INTO survey_responses',
      'UPDATE surveys SET',
      'RELEASE grouped_write',
      // Its tallies once the group's writes are done, merged with those of the group's other answers.
      'SELECT anonymous FROM',
      ...increments.map(() => 'INSERT INTO survey_tallies'),
      'COMMIT',
    ])
    expect((await surveys.get(s.id))!.responseCount).to.equal(1)
  })

  it('bumps each counter once for answers written together, by all of them', async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    const s = await surveys.create(surveyRecord())
    const answers = ['sr-a', 'sr-b', 'sr-c'].map((id, i) =>
      responseRecord(s, {
        id,
        respondentKey: `mp:${id}`,
        answers: { q1: 'yes' },
        stationId: 'st001',
        districtId: 'd01',
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      }),
    )
    const run = await statementsOf(db, () =>
      Promise.all(answers.map((response) => surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [] }))),
    )
    const counters = new Set(answers.flatMap((r) => tallyIncrements(s, r)).map((i) => `${i.scope}/${i.questionId}/${i.bucket}`))
    expect(run.filter((sql) => sql.startsWith('INSERT INTO survey_tallies'))).to.have.length(counters.size)
    expect((await surveys.tallies(s.id, 's:st001')).find((t) => t.questionId === 'q1' && t.bucket === 'yes')!.count).to.equal(3)
  })
})
