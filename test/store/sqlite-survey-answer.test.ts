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

  it('inserts the response, counts it against the cap and bumps its tallies, with no read first and no savepoint of its own', async () => {
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
      ...increments.map(() => 'INSERT INTO survey_tallies'),
      'RELEASE grouped_write',
      'COMMIT',
    ])
    expect((await surveys.get(s.id))!.responseCount).to.equal(1)
  })
})
