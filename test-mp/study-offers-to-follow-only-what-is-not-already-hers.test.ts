import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

const DAY = 86_400_000

/**
 * 学习 and 关注这个活动: a deputy is not asked to follow the campaign he is already in (its
 * audience names his station), and a resident sees the deputies' campaign open to followers
 * for what it is — theirs, open to her too — not "还没有学习材料" while its reading is out.
 */
describe('mini-program: 关注这个活动 is offered only for what is not already hers', () => {
  let app: Backend
  let organizer: Awaited<ReturnType<typeof office>>

  const campaign = async (title: string, audience: Record<string, unknown>) => {
    const now = app.clock.now().getTime()
    return created(
      organizer.post('/api/admin/campaigns', {
        title,
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 30 * DAY).toISOString(),
        audience,
      }),
    )
  }
  const item = (campaignId: string, title: string) =>
    created(organizer.post(`/api/admin/campaigns/${campaignId}/items`, { title, summary: '必读', required: true, body: '<p>第一条</p>' }))

  beforeEach(async () => {
    app = await startBackend()
    organizer = await office(app)
  })
  afterEach(() => app.close())

  it('a deputy in the audience is not offered 关注, before its reading is out and after; he checks in instead', async () => {
    const station = await campaign('代表法学习月（本站代表）', { stationIds: ['st001'], followers: true })
    const open = await campaign('学习宣传新修订的代表法', { followers: true })
    await phoneOfZhang(app)

    const empty = await openPage(`pages/study/campaign?campaignId=${station.id}`)
    expect(empty.text()).to.include('代表法学习月（本站代表）').and.include('还没有发布学习材料')
    expect(empty.has('.follow'), 'his already: nothing to follow').to.equal(false)
    expect(empty.text()).not.to.include('关注这个活动')
    expect(empty.has('.check-in'), 'his to check in on').to.equal(true)

    await item(station.id, '代表法全文')
    const out = await openPage(`pages/study/campaign?campaignId=${station.id}`)
    expect(out.text()).to.include('代表法全文').and.include('我的进度：已读 0 / 1 篇')
    expect(out.has('.follow')).to.equal(false)

    // One open to followers that does not name him is still his to follow.
    const other = await openPage(`pages/study/campaign?campaignId=${open.id}`)
    expect(other.has('.follow')).to.equal(true)
    expect(other.text()).to.include('关注这个活动')
  })

  it('a resident sees the deputies’ campaign open to followers as theirs and open to her, follows it and reads', async () => {
    const deputies = await campaign('代表法学习月（区县、乡镇代表）', { levels: ['county', 'township'], followers: true })
    await item(deputies.id, '代表法全文')
    await campaign('宪法宣传周', { followers: true })
    await campaign('代表履职培训', { stationIds: ['st001'] })
    holdPhone(app, 'o-study-resident')

    const list = await openPage('pages/study/index')
    const rows = list.component.querySelectorAll('.campaign.other').map((r: { dom: HTMLElement }) => r.dom.textContent!.replace(/\s+/g, ' ').trim())
    const row = (title: string) => rows.find((r: string) => r.startsWith(title)) ?? ''
    expect(row('代表法学习月（区县、乡镇代表）')).to.include('这是市人大常委会给人大代表的学习活动，您也可以关注，一起学习').and.not.include('还没有学习材料')
    expect(row('宪法宣传周')).to.include('关注后能看到这个活动的学习材料').and.not.include('还没有学习材料')
    expect(
      rows.some((r: string) => r.startsWith('代表履职培训')),
      'not open to her: not listed',
    ).to.equal(false)

    const page = await openPage(`pages/study/campaign?campaignId=${deputies.id}`)
    expect(page.textOf('.for-whom')).to.equal('这是市人大常委会给人大代表的学习活动，您也可以关注，一起学习')
    expect(page.textOf('.follow-first')).to.equal('关注后就能看到这个活动的学习材料')
    expect(page.text(), 'its reading is out: not "none published"').not.to.include('还没有发布学习材料')
    expect(page.text(), 'no progress of hers yet').not.to.include('我的进度')

    await page.tap('.follow')
    expect(page.textOf('.notice')).to.equal('已关注，学习材料都在下面。发布新材料时不会另外通知您，请常回来看看。')
    expect(page.text()).to.include('代表法全文').and.include('我的进度：已读 0 / 1 篇')
    expect(page.has('.for-whom')).to.equal(false)
    expect(page.has('.follow')).to.equal(false)
  })
})
