import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * An answer to a survey is placed (station, district) from the shared directory cache: a
 * busy survey does not read the whole directory from the store once per answer.
 */
describe('answering a survey', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  after(() => app.close())

  it('places each answer by the poster it came through, without reading the directory again for each answer', async () => {
    const office = await asAdmin(app)
    const s = (await office.post('/api/admin/surveys', surveyBody())).body as { id: string }
    const answer = { answers: { q1: 'o1', q2: ['a'], q3: 4, q5: 2 } }
    const first = await asResident(app)
    expect((await first.post(`/api/mp/surveys/${s.id}/responses?via=ST001`, answer)).status).to.equal(201)

    const { directory } = app.liaison.store
    const snapshot = directory.snapshot
    let reads = 0
    directory.snapshot = () => (reads++, snapshot.call(directory))
    for (const via of ['ST004', 'st001']) {
      const resident = await asResident(app)
      const sent = await resident.post(`/api/mp/surveys/${s.id}/responses?via=${via}`, answer)
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
    expect(reads, 'directory reads for two answers').to.equal(0)

    const csv = ((await office.get(`/api/admin/surveys/${s.id}/responses.csv`)).body as Buffer).toString('utf8')
    expect(csv).to.include('联络站二维码,轻工街道代表联络站')
    expect(csv.split('联络站二维码,').length - 1, 'all three answers placed by their station code').to.equal(3)
  })

  it('reads the survey once per answer, and the store itself refuses a second answer by the same person', async () => {
    const office = await asAdmin(app)
    const s = (await office.post('/api/admin/surveys', surveyBody())).body as { id: string }
    const { surveys, appraisals } = app.liaison.store
    const reads: string[] = []
    const restores: Array<() => void> = []
    const count = <T extends object>(repo: T, names: Array<keyof T>) => {
      for (const name of names) {
        const real = repo[name]
        restores.push(() => (repo[name] = real))
        repo[name] = ((...args: unknown[]) => (reads.push(String(name)), (real as (...a: unknown[]) => unknown).apply(repo, args))) as T[keyof T]
      }
    }
    count(surveys, ['get', 'getByShortCode', 'forRespondent', 'hasResponded'])
    count(appraisals, ['bySurvey'])
    // The app is shared by the file's stories: the store's own methods go back afterwards.
    try {
      const resident = await asResident(app)
      const answer = { answers: { q1: 'o1', q2: ['a'], q3: 4, q5: 2 } }
      expect((await resident.post(`/api/mp/surveys/${s.id}/responses?via=ST001`, answer)).status).to.equal(201)
      expect(reads, 'the survey and whether a 述职评议 owns it, in one read').to.deep.equal(['forRespondent'])

      const again = await resident.post(`/api/mp/surveys/${s.id}/responses`, answer)
      expect(again.status).to.equal(409)
      expect(again.body.error).to.deep.equal({ code: 'already_responded', message: '您已经送出过了，每人限一次', details: [] })
      expect(reads, 'no separate "answered yet?" read, and the survey kept from the first answer').to.deep.equal(['forRespondent'])
      expect((await app.liaison.store.surveys.responses(s.id)).length, 'one answer kept').to.equal(1)
    } finally {
      restores.forEach((restore) => restore())
    }
  })
})
