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
    expect(csv).to.include('ST001,轻工街道代表联络站')
    expect(csv).to.include('ST004,')
  })
})
