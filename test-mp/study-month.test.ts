import { expect } from 'chai'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { Client } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 本月学习: the city office runs a monthly campaign and 湛河区 takes it up (每月一次、上下同题);
 * 张伟 opens 学习 and sees this month's two issues at the top, each saying which level it
 * comes from, and opens the city's to read.
 */
describe("mini-program: this month's study across levels", () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
    const city = await office(app)
    const series = await created(
      city.post('/api/admin/campaigns', {
        title: '学习贯彻代表法',
        startsAt: '2026-11-01T00:00:00+08:00',
        endsAt: '2027-03-01T00:00:00+08:00',
        audience: { stationIds: ['st001'] },
        repeat: 'monthly',
      }),
    )
    const district = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    await created(district.post(`/api/admin/campaigns/${series.id}/adoptions`, {}))
    const [november] = (await city.get(`/api/admin/campaigns/${series.id}`)).body.periods
    await created(city.post(`/api/admin/campaigns/${november.id}/items`, { title: '代表法全文', required: true, body: '<p>第一条</p>' }))
  })
  afterEach(() => app.close())

  it("shows the month's issues with the level each comes from, and opens the city's", async () => {
    await phoneOfZhang(app)
    const list = await openPage('pages/study/index')
    expect(list.textOf('.section')).to.equal('本月学习（2026年11月）')
    const issues = list.data.month as Array<{ from: string; progress: string; until: string }>
    expect(issues.map((i) => [i.from, i.until, i.progress])).to.deep.equal([
      ['市级 · 市人大常委会', '11月30日', '已读 0 / 1 篇，还没打卡'],
      ['区县 · 湛河区人大常委会', '11月30日', '本期材料还没发布'],
    ])
    expect(list.text()).to.include('学习贯彻代表法（2026年11月）').and.include('11月30日前完成')
    expect(list.data.items, 'the issues are not listed twice').to.deep.equal([])

    await list.tap('.issue')
    const campaign = await follow()
    expect(campaign.text()).to.include('代表法全文').and.include('必读').and.include('市级 · 进行中 · 11月30日结束')
  })
})
