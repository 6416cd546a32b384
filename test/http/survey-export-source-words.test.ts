import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * The office opens the answers sheet in WPS: 来源 says where each answer came in as a person
 * reads it (the station whose poster was scanned), not the code the link carried (ST001).
 */
describe('the survey answers sheet says where answers came from in words', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('names the station whose code brought the answer, and calls another mark a code the office handed out', async () => {
    const office = await asAdmin(app)
    const created = await office.post('/api/admin/surveys', surveyBody())
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const answers = { q1: 'o2', q3: 4, q4: '希望多开展' }
    expect((await (await asResident(app)).post(`/api/mp/surveys/${created.body.id}/responses?via=ST001`, { answers })).status).to.equal(201)
    app.clock.advance(60_000)
    expect((await (await asResident(app)).post(`/api/mp/surveys/${created.body.id}/responses?via=poster7`, { answers })).status).to.equal(201)

    const csv = await office.get(`/api/admin/surveys/${created.body.id}/responses.csv`)
    expect(csv.status).to.equal(200)
    const rows = parse((csv.body as Buffer).subarray(3).toString('utf8'), { relax_column_count: true }) as string[][]
    const source = rows[0]!.indexOf('来源')
    expect(source).to.be.greaterThan(0)
    expect(rows.slice(1).map((r) => r[source])).to.have.members(['联络站二维码', '其他二维码（标记 poster7）'])
  })
})
