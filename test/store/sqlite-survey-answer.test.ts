import { expect } from 'chai'
import Database from 'better-sqlite3'
import { RESPONSES, tallyIncrements } from '../../src/domain/survey-tally.js'
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
 * An answer is the busiest write a poster brings: it runs the statements it needs and nothing
 * more (no read asking first, no savepoint: it keeps itself whole, GroupCommit.runWhole).
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
      'INSERT INTO survey_responses',
      'UPDATE surveys SET',
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

  // Without a savepoint, what an answer wrote before it was refused is taken back by the answer itself.
  it('leaves nothing of an answer refused for the cap or for a changed survey, and keeps the others written with it', async () => {
    const surveys = surveyRepo(db, new GroupCommit(db))
    const s = await surveys.create(surveyRecord({ responseCap: 2 }))
    const revision = (db.prepare('SELECT revision FROM surveys WHERE id = ?').pluck().get(s.id) as number) ?? 0
    const answer = (who: string, over: { revision?: number } = {}) => {
      const response = responseRecord(s, { id: `sr-${who}`, respondentKey: `mp:${who}`, mpUserId: who, answers: { q1: 'yes', q2: '多种树' } })
      return surveys.respond({ response, increments: tallyIncrements(s, response), texts: [], opinions: [], ...over })
    }
    // One group: a first answer, one judged on an older revision, a second, and one over the cap.
    const results = await Promise.allSettled([answer('mu-a'), answer('mu-b', { revision: revision - 1 }), answer('mu-c'), answer('mu-d')])
    expect(results.map((r) => (r.status === 'fulfilled' ? 'kept' : (r.reason as { code: string }).code))).to.deep.equal([
      'kept',
      'stale_survey',
      'kept',
      'response_cap_reached',
    ])
    expect((await surveys.responses(s.id)).map((r) => r.respondentKey)).to.deep.equal(['mp:mu-a', 'mp:mu-c'])
    expect((await surveys.get(s.id))!.responseCount).to.equal(2)
    expect((await surveys.tallies(s.id, '')).find((t) => t.questionId === RESPONSES)!.count).to.equal(2)
    expect(await surveys.hasResponded(s.id, 'mp:mu-d'), 'the one over the cap may answer once a place is free').to.equal(false)
  })
})
