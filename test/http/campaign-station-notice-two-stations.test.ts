import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * 李强 serves at 马庄街道 (st002, his first) and 轻工街道 (st001). A campaign for 湛河区 tells each
 * station's room how many of its deputies are asked to read: 轻工街道 counts him with 张伟 and 王芳
 * (3), 马庄街道 with 赵敏 (2); the campaign's own figures count him once (5 deputies, not 6).
 */
describe('a deputy serving at two stations, in the station rooms’ notices', () => {
  let app: TestApp
  let organizer: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // 孙丽, 湛河区
  })
  afterEach(() => app.close())

  it('is counted at each of his stations, and once in the total', async () => {
    const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
    const campaign = await organizer.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: at(-HOUR),
      endsAt: at(30 * DAY),
      audience: { districtIds: ['d01'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const item = await organizer.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title: '代表法全文', body: '<p>……</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)

    const notices = (await app.liaison.store.outbox.search({ limit: 100, kind: 'reading.published' })).items
    const textAt = (station: string) =>
      notices.filter((n) => n.recipientKind === 'station' && n.recipientId === station).map((n) => (n.payload as { text: string }).text)
    expect(textAt('st001'), '轻工街道: 张伟, 王芳 and 李强').to.have.length(1)
    expect(textAt('st001')[0]).to.include('请本站 3 位代表在小程序“学习”中阅读并打卡')
    expect(textAt('st002')[0], '马庄街道: 李强 and 赵敏').to.include('请本站 2 位代表在小程序“学习”中阅读并打卡')
    expect(textAt('st003')[0], '光明社区: 刘洋').to.include('请本站 1 位代表')

    const progress = (await organizer.get(`/api/admin/campaigns/${campaign.body.id}/progress?groupBy=station`)).body
    expect(progress.totals, '李强 once').to.include({ audience: 5, reached: 5 })
    expect(
      progress.items.map((g: { audience: number }) => g.audience).reduce((a: number, b: number) => a + b, 0),
      'nor twice across the stations',
    ).to.equal(5)
  })
})
