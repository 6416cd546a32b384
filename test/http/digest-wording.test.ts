import { expect } from 'chai'
import type { Client, TestApp } from '../helpers/app.js'
import { ballotBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * The digest says when a ballot or survey closes as it says its meetings' times (spoken-dates.ts:
 * "12月19日（星期六）前（含当日）", "晚上6:00"): a survey closing at 00:00 on 20 December ends the
 * night of the 19th, and an elderly deputy must not read "12/20 00:00" as the whole of the 20th.
 */
describe('the digest says when ballots and surveys close in plain dates', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    ;({ app, office } = await surveyOffice())
  })
  afterEach(() => app.close())

  it('a close at midnight is the day before, the day itself counting; a close at a time of day says the time', async () => {
    expect((await office.post('/api/admin/surveys', surveyBody({ closesAt: '2026-12-20T00:00:00+08:00' }))).status).to.equal(201)
    expect((await office.post('/api/admin/surveys', ballotBody())).status).to.equal(201)
    const preview = await office.get('/api/admin/deputies/dp0001/digest?date=2026-11-24')
    expect(preview.status, JSON.stringify(preview.body)).to.equal(200)
    expect(preview.body.digest.text).to.include(
      '【待投票 1 项，待填写问卷 1 份】\n· 票决《2027年民生实事项目票决》，请在11月30日（星期一）晚上6:00前投票\n· 问卷《社区绿化满意度调查》，请在12月19日（星期六）前（含当日）填写',
    )
    expect(preview.body.digest.text).not.to.match(/\d+\/\d+ \d\d:\d\d/)
  })

  it('names the year of a close in another year, and only then', async () => {
    expect((await office.post('/api/admin/surveys', surveyBody({ closesAt: '2027-01-01T00:00:00+08:00' }))).status).to.equal(201)
    expect((await office.post('/api/admin/surveys', surveyBody({ title: '新年问卷', closesAt: '2027-01-10T18:00:00+08:00' }))).status).to.equal(201)
    const preview = await office.get('/api/admin/deputies/dp0001/digest?date=2026-11-24')
    expect(preview.body.digest.text).to.include(
      '· 问卷《社区绿化满意度调查》，请在12月31日（星期四）前（含当日）填写\n· 问卷《新年问卷》，请在2027年1月10日（星期日）晚上6:00前填写',
    )
  })
})
