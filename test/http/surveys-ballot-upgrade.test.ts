import Database from 'better-sqlite3'
import { expect } from 'chai'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import { timeOrderedUuid } from '../../src/ids.js'
import { BARE_VOTES_MARKER, SEALED_BALLOTS_MARKER } from '../../src/services/surveys/sealed-ballots.js'
import { asAdmin, asDeputy, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { ballotBody, ballotOfFour } from '../helpers/surveys.js'

const HOUR = 3_600_000
/** A v4 (random) UUID: the id tells nothing of when the vote was cast. */
const RANDOM_ID = /^sr-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const storedVotes = (app: TestApp, surveyId: string) => app.liaison.store.surveys.responses(surveyId)

interface OldVote {
  deputyId: string
  stationId: string
  districtId: string
  via: string | null
  projects: string[]
}

/**
 * Ballots voted on under an older version, kept in the file as it wrote them: one named (实名,
 * as an older console allowed), one anonymous all along, every vote with its station, district,
 * source, minute and an id ordered by time. Starting this version leaves each vote its answers
 * and its keyed hash only, and the figures organizers read unchanged.
 */
describe('ballots voted on under an older version, at the first start of this one', function () {
  this.timeout(60_000)
  const file = storeFileForEachTest()

  async function storeOfAnOlderVersion() {
    const app = await file.start({ directory: meetingCity() })
    const office = await asAdmin(app)
    const now = app.clock.now().getTime()
    const times = { opensAt: new Date(now - 5 * HOUR).toISOString(), closesAt: new Date(now + 7 * 24 * HOUR).toISOString() }
    const make = async (title: string) => {
      const made = await office.post('/api/admin/surveys', ballotOfFour({ title, ...times }))
      expect(made.status, JSON.stringify(made.body)).to.equal(201)
      return (await app.liaison.store.surveys.get(made.body.id))!
    }
    const named = await make('2026年民生实事项目票决')
    const anonymous = await make('2027年民生实事项目票决')
    const keyOf = (surveyId: string, deputyId: string, secret: boolean) =>
      secret ? app.liaison.services.surveyResponses.secretKey(surveyId, `deputy:${deputyId}`) : `deputy:${deputyId}`
    await app.close()

    const db = new Database(file.path())
    const vote = db.prepare(
      'INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, deputy_id, station_id, district_id, via, answers, comments, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const bump = db.prepare(`INSERT INTO survey_tallies (survey_id, scope, question_id, bucket, count, sum) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (survey_id, scope, question_id, bucket) DO UPDATE SET count = count + excluded.count, sum = sum + excluded.sum`)
    const ids: string[] = []
    const write = (s: typeof named, secret: boolean, votes: OldVote[]) => {
      db.prepare('UPDATE surveys SET anonymous = ?, response_count = ? WHERE id = ?').run(secret ? 1 : 0, votes.length, s.id)
      votes.forEach((v, i) => {
        const castAt = now - (4 - i) * HOUR
        const id = `sr-${timeOrderedUuid(castAt)}`
        ids.push(id)
        const response = { stationId: v.stationId, districtId: v.districtId, answers: { projects: v.projects }, comments: [] }
        vote.run(
          id,
          s.id,
          keyOf(s.id, v.deputyId, secret),
          secret ? null : `mu-${v.deputyId}`,
          secret ? null : v.deputyId,
          v.stationId,
          v.districtId,
          v.via,
          JSON.stringify(response.answers),
          '[]',
          new Date(castAt).toISOString(),
        )
        for (const t of tallyIncrements({ questions: s.questions, anonymous: secret }, response))
          bump.run(s.id, t.scope, t.questionId, t.bucket, t.count, t.sum)
      })
    }
    write(named, false, [
      { deputyId: 'dp0005', stationId: 'st003', districtId: 'd01', via: 'ST003', projects: ['p3'] },
      { deputyId: 'dp0006', stationId: 'st004', districtId: 'd02', via: null, projects: ['p2', 'p3'] },
    ])
    write(anonymous, true, [
      { deputyId: 'dp0001', stationId: 'st001', districtId: 'd01', via: 'ST001', projects: ['p1'] },
      { deputyId: 'dp0002', stationId: 'st001', districtId: 'd01', via: null, projects: ['p1', 'p2'] },
      { deputyId: 'dp0006', stationId: 'st004', districtId: 'd02', via: null, projects: ['p1'] },
    ])
    // The older version had neither step done: no marker of either.
    db.prepare('DELETE FROM app_markers WHERE name IN (?, ?)').run(SEALED_BALLOTS_MARKER, BARE_VOTES_MARKER)
    db.close()
    return { named, anonymous, oldIds: ids }
  }

  it('keeps no person, place, source, time or time-ordered id with a vote, and the turnout and results stay as they were', async () => {
    const { named, anonymous, oldIds } = await storeOfAnOlderVersion()
    const app = await file.start()
    const office = await asAdmin(app)

    for (const s of [named, anonymous]) {
      const votes = await storedVotes(app, s.id)
      expect(
        votes.map((v) => [v.mpUserId, v.deputyId, v.stationId, v.districtId, v.via, v.createdAt.toISOString()]),
        s.title,
      ).to.deep.equal(votes.map(() => [null, null, null, null, null, s.opensAt.toISOString()]))
      for (const v of votes) {
        expect(v.id, 'a new random id').to.match(RANDOM_ID).and.not.be.oneOf(oldIds)
        expect(v.respondentKey, 'a keyed hash, not the deputy').to.match(/^h:/)
      }
      expect(await app.liaison.store.surveys.tallies(s.id, 's:st001'), 'no count per station').to.deep.equal([])
      expect(await app.liaison.store.surveys.tallies(s.id, 'd:d01'), 'nor per district').to.deep.equal([])
    }

    // Who voted is still known: the turnout, and one vote each.
    const turnout = async (id: string) => (await office.get(`/api/admin/surveys/${id}/not-voted`)).body
    expect(await turnout(named.id)).to.deep.include({ roll: 4, voted: 2 })
    expect((await turnout(named.id)).items.map((i: { name: string }) => i.name)).to.deep.equal(['张伟', '王芳'])
    expect(await turnout(anonymous.id)).to.deep.include({ roll: 4, voted: 3 })
    expect((await turnout(anonymous.id)).items.map((i: { name: string }) => i.name)).to.deep.equal(['刘洋'])
    const chen = await asDeputy(app, 'dp0006')
    for (const s of [named, anonymous]) {
      expect((await chen.get(`/api/mp/surveys/${s.id}`)).body.responded, 'her vote is still hers').to.equal(true)
      expect((await chen.post(`/api/mp/surveys/${s.id}/responses`, { answers: { projects: ['p1'] } })).status, 'and once only').to.equal(409)
    }

    const results = async (id: string) => {
      expect((await office.post(`/api/admin/surveys/${id}/close`)).status).to.equal(200)
      const { ballot } = (await office.get(`/api/admin/surveys/${id}/results`)).body
      return { ...ballot, projects: ballot.projects.map((p: { id: string; votes: number }) => `${p.id}:${p.votes}`) }
    }
    expect(await results(named.id)).to.deep.include({ roll: 4, ballotsCast: 2, minVotes: 3, projects: ['p3:2', 'p2:1', 'p1:0'], chosen: [] })
    expect(await results(anonymous.id)).to.deep.include({
      roll: 4,
      ballotsCast: 3,
      minVotes: 3,
      projects: ['p1:3', 'p2:1', 'p3:0'],
      chosen: [{ id: 'p1', label: '老旧小区加装电梯', votes: 3 }],
    })
    expect(await app.liaison.store.markers.doneAt(SEALED_BALLOTS_MARKER), 'named ballots sealed, recorded').to.be.instanceOf(Date)
    expect(await app.liaison.store.markers.doneAt(BARE_VOTES_MARKER), 'every vote stripped, recorded').to.be.instanceOf(Date)
  })

  it('rewrites the votes at one start only: the next start leaves them as they are', async () => {
    const { named, anonymous } = await storeOfAnOlderVersion()
    const first = await file.start()
    const after = { named: await storedVotes(first, named.id), anonymous: await storedVotes(first, anonymous.id) }
    await first.close()

    const second = await file.start()
    expect(await storedVotes(second, named.id)).to.deep.equal(after.named)
    expect(await storedVotes(second, anonymous.id)).to.deep.equal(after.anonymous)
  })
})

describe('a ballot vote cast now', function () {
  this.timeout(60_000)
  const file = storeFileForEachTest()

  it('gets a random id and the opening of its ballot as its time, on a store that has had both steps', async () => {
    const app = await file.start({ directory: meetingCity() })
    const office = await asAdmin(app)
    const now = app.clock.now().getTime()
    const made = await office.post(
      '/api/admin/surveys',
      ballotBody({ opensAt: new Date(now - HOUR).toISOString(), closesAt: new Date(now + HOUR).toISOString() }),
    )
    expect(made.status).to.equal(201)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${made.body.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    const [stored] = await storedVotes(app, made.body.id)
    expect(stored!.id).to.match(RANDOM_ID)
    expect(stored).to.deep.include({ mpUserId: null, deputyId: null, stationId: null, districtId: null, via: null, createdAt: new Date(now - HOUR) })
  })
})
