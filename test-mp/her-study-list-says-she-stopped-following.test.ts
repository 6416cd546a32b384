import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, office } from './office.js'

const DAY = 86_400_000

/** Each campaign row of 其他学习活动 as she reads it. */
const rows = (page: MpPage): string[] =>
  page.component.querySelectorAll('.campaign.other').map((r: any) => String(r.dom.textContent).replace(/\s+/g, ' ').trim())

/**
 * 王阿姨 followed 宪法宣传周, then tapped 不再关注这个活动 (review 36, finding 13). Back on 学习, its row still read
 * “已读 0 / 1 篇”, exactly as while she followed it: nothing said she had stopped. Its row now says 已不再关注 beside
 * what she kept; one she follows says 已关注, and one she never followed says neither.
 */
describe('mini-program: her study list says she stopped following a campaign', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function campaign(title: string) {
    const organizer = await office(app)
    const now = app.clock.now().getTime()
    const c = await created(
      organizer.post('/api/admin/campaigns', {
        title,
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 7 * DAY).toISOString(),
        audience: { stationIds: ['st001'], followers: true },
      }),
    )
    await created(organizer.post(`/api/admin/campaigns/${c.id}/items`, { title: `${title}学习材料`, required: false, body: '<p>第一条</p>' }))
    return c
  }

  it('已不再关注 on the row she left, beside what she kept; 已关注 on the one she follows', async () => {
    const left = await campaign('宪法宣传周')
    const kept = await campaign('民法典宣传月')
    await campaign('安全生产月')
    holdPhone(app, 'o-wang-left-campaign')
    const page = await openPage(`pages/study/campaign?campaignId=${left.id}`)
    await page.tap('.follow')
    await page.tap('#unfollow')
    await (await openPage(`pages/study/campaign?campaignId=${kept.id}`)).tap('.follow')

    const list = rows(await openPage('pages/study/index'))
    const row = (title: string) => list.find((r) => r.startsWith(title)) ?? ''
    expect(row('宪法宣传周')).to.include('已不再关注').and.include('已读 0 / 1 篇').and.not.include('· 已关注')
    expect(row('民法典宣传月')).to.include('· 已关注').and.not.include('已不再关注')
    expect(row('安全生产月'), 'never followed').to.include('关注').and.not.include('已不再关注').and.not.include('· 已关注')
  })
})
