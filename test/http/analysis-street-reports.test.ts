import { expect } from 'chai'
import { asAdmin, asResident } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { streetCityForEachTest } from '../helpers/street-organizers.js'
import { LIFT_MESSAGES as lift } from '../fixtures.js'

/**
 * A district's office reads each of its streets' weekly reports as the streets' own organizers
 * do: 孙丽 of 湛河区 opens 轻工街道's and 马庄街道's; 钱七 of 新华区 neither; and a place that
 * has no report (a community, a made-up id) is refused, and none is kept for it.
 */
describe("analysis: a street's weekly report, read from its district", () => {
  const streets = streetCityForEachTest() // 吴敏 of 轻工街道 (s0101), 郑华 of 马庄街道 (s0102), both in 湛河区 (d01)
  const WEEK = '2026-11-23'

  async function residentsWrite() {
    const { app } = streets
    for (const [text, regionId] of [...lift.slice(0, 3).map((t) => [t, 'c010101']), ...lift.slice(0, 2).map((t) => [t, 'c010201'])]) {
      const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      app.clock.advance(10 * 60_000)
    }
  }
  const messagesIn = (answer: { status: number; body: any }) => {
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.totals.messages as number
  }

  it("the district's organizer reads each street's report, the same as the street's organizer sees it", async () => {
    const { app, wumin } = streets
    await residentsWrite()
    const sunli = await asStaff(app, 'sunli')
    expect(messagesIn(await sunli.get(`/api/admin/analysis/weekly-report?scope=s0101&week=${WEEK}`)), '轻工街道').to.equal(3)
    expect(messagesIn(await sunli.get(`/api/admin/analysis/weekly-report?scope=s0102&week=${WEEK}`)), '马庄街道').to.equal(2)
    expect(messagesIn(await wumin.get(`/api/admin/analysis/weekly-report?scope=s0101&week=${WEEK}`))).to.equal(3)
    expect(messagesIn(await sunli.get(`/api/admin/analysis/weekly-report?scope=d01&week=${WEEK}`)), 'her district, both streets').to.equal(5)
  })

  it("another district's organizer, a street's organizer for the next street or the city, and any place with no report are refused", async () => {
    const { app, wumin } = streets
    await residentsWrite()
    const qianqi = await asStaff(app, 'qianqi') // 新华区
    for (const [answer, who] of [
      [await qianqi.get(`/api/admin/analysis/weekly-report?scope=s0101&week=${WEEK}`), '钱七, 轻工街道'],
      [await wumin.get(`/api/admin/analysis/weekly-report?scope=s0102&week=${WEEK}`), '吴敏, 马庄街道'],
      [await wumin.get(`/api/admin/analysis/weekly-report?scope=d01&week=${WEEK}`), '吴敏, 湛河区'],
      [await wumin.get(`/api/admin/analysis/weekly-report?scope=city&week=${WEEK}`), '吴敏, the city'],
    ] as const) {
      expect([answer.status, answer.body.error?.code], who).to.deep.equal([403, 'outside_scope'])
      expect(answer.body.error.message).to.equal('只能查看本辖区的分析报告')
    }
    const admin = await asAdmin(app)
    // A community is named, an id the directory lacks is said to be gone: never the id itself.
    const said = { c010101: '建设路社区不是区县或街道', nowhere: '这个区县或街道已不存在或不在您的管理范围内' }
    for (const [scope, words] of Object.entries(said)) {
      const made = await admin.post(`/api/admin/analysis/weekly-report?scope=${scope}&week=${WEEK}`)
      expect([made.status, made.body.error?.code], scope).to.deep.equal([422, 'unknown_area'])
      expect(made.body.error.details).to.deep.equal([{ path: 'query.scope', message: words }])
      expect(await app.liaison.store.analysis.reportWeeks(scope, 52), 'no report kept for it').to.deep.equal([])
    }
  })
})
