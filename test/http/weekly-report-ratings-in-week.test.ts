import { expect } from 'chai'
import { asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildResident, type Resident } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** 10:00 in Shanghai on a day of November or December 2026. */
const at = (month: 11 | 12, day: number, hour = 10) => new Date(Date.UTC(2026, month - 1, day, hour - 8))

/**
 * 孙丽 of 湛河区 reads 满意度 in the 分析周报 of 11月23日至11月29日: how residents rated answers that week. 张伟 answered
 * a message of the week before, rated 5 that week; one of the week, rated 2 that week and then reopened (重新办理, which
 * clears its score); and another of the week, rated 1 only on the Tuesday after. The week says 5 and 2; the next one, 1.
 */
describe('分析周报: 满意度 counts the ratings given in the week', () => {
  let app: TestApp
  const sent: Record<string, { id: string; ticket: string; resident: Resident }> = {}

  before(async () => {
    app = await startApp({ directory: caseCity() })
    const zhang = await asDeputy(app, 'dp0001')
    const write = async (key: string, text: string, when: Date) => {
      app.clock.set(when)
      const resident = await buildResident(app)
      const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent[key] = { id: answer.body.id, ticket: answer.body.ticket, resident }
    }
    const reply = async (key: string, when: Date) => {
      app.clock.set(when)
      expect((await zhang.post(`/api/mp/deputy/cases/${sent[key].id}/reply`, { text: '已请物业处理，谢谢您的反映。' })).status).to.equal(200)
    }
    const rate = async (key: string, rating: number, when: Date) => {
      app.clock.set(when)
      const rated = await sent[key].resident.post(`/api/mp/cases/${sent[key].id}/rate`, { rating })
      expect(rated.status, JSON.stringify(rated.body)).to.equal(200)
    }

    await write('lastWeek', '建设路社区健身器材坏了，孩子玩的时候容易受伤', at(11, 18))
    await reply('lastWeek', at(11, 19))
    await write('reopened', '建设路社区3号楼电梯坏了，老人上不去楼', at(11, 23))
    await reply('reopened', at(11, 24))
    await write('ratedLater', '建设路社区门口的路灯坏了，晚上很黑', at(11, 23, 11))
    await reply('ratedLater', at(11, 27))

    await rate('lastWeek', 5, at(11, 24, 15))
    await rate('reopened', 2, at(11, 25))
    app.clock.set(at(11, 25, 11))
    const again = await sent.reopened.resident.post(`/api/mp/cases/${sent.reopened.id}/reopen`, { reason: '电梯还是没修好' })
    expect(again.body.status, JSON.stringify(again.body)).to.equal('reopened')
    await rate('ratedLater', 1, at(12, 1))
    app.clock.set(at(12, 2, 9))
  })
  after(() => app.close())

  const report = async (week: string) => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const answer = await sunli.get(`/api/admin/analysis/weekly-report?week=${week}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body
  }

  it('averages the week’s ratings, one to a message of the week before and one a reopen cleared, not one given after the week', async () => {
    const r = await report('2026-11-23')
    expect(r.totals).to.include({ satisfaction: 3.5, rated: 2, satisfiedShare: 0.5 })
    expect(r.satisfactionText).to.equal('本周 2 人评价，满意率 50%（4 分、5 分算满意）')
    // By topic and place, the same two ratings.
    expect(r.byPlace.map((p: { name: string; messages: number; satisfaction: number }) => [p.name, p.messages, p.satisfaction])).to.deep.equal([
      ['建设路社区', 2, 3.5],
    ])
    expect(r.countedEarlierText).to.equal(null)
  })

  it('counts the rating given on the Tuesday after in the week it was given', async () => {
    const r = await report('2026-11-30')
    expect(r.totals).to.include({ satisfaction: 1, rated: 1, satisfiedShare: 0 })
    expect(r.satisfactionText).to.equal('本周 1 人评价，满意率 0%（4 分、5 分算满意）')
  })

  it('says the same in the table download', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const csv = ((await sunli.get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')).body as Buffer).toString('utf8')
    expect(csv).to.include('本周 2 人评价，满意率 50%（4 分、5 分算满意）')
  })
})
