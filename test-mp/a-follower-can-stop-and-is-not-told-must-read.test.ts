import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

const DAY = 86_400_000

/**
 * Review 36, finding 12: 王阿姨, 72, follows 宪法宣传周 of her own will. Its reading reads 未读, never 必读 (that
 * binds the deputies it names, as 张伟 still sees it), and at the foot of the page she can stop: 不再关注这个活动.
 * What she already has stays; nothing new reaches her; 关注这个活动 is offered again.
 */
describe('mini-program: a resident following a campaign can stop, and is not told 必读', () => {
  let app: Backend
  let organizer: Awaited<ReturnType<typeof office>>

  beforeEach(async () => {
    app = await startBackend()
    organizer = await office(app)
  })
  afterEach(() => app.close())

  async function campaignWithReading() {
    const now = app.clock.now().getTime()
    const c = await created(
      organizer.post('/api/admin/campaigns', {
        title: '宪法宣传周',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 7 * DAY).toISOString(),
        audience: { stationIds: ['st001'], followers: true },
      }),
    )
    await created(organizer.post(`/api/admin/campaigns/${c.id}/items`, { title: '宪法全文', required: true, body: '<p>第一条</p>' }))
    return c
  }

  it('she reads 未读 without 必读, taps 不再关注这个活动, keeps what she has, and new reading no longer comes', async () => {
    const c = await campaignWithReading()
    holdPhone(app, 'o-wang-study')
    const page = await openPage(`pages/study/campaign?campaignId=${c.id}`)
    expect(page.has('#unfollow'), 'nothing to stop before she follows').to.equal(false)
    await page.tap('.follow')
    expect(page.textOf('.item')).to.include('宪法全文').and.include('未读').and.not.include('必读')
    expect(page.textOf('.unfollow')).to.equal('不再关注这个活动')
    expect(page.buttonLook('#unfollow'), 'quiet: not the page’s main action').to.equal('plain')

    await page.tap('#unfollow')
    expect(page.textOf('#unfollow-notice')).to.equal('已不再关注。以后发布的学习材料不会再给您，已经给您的还在上面。想再看新材料，点上面的“关注这个活动”。')
    expect(page.has('#unfollow'), 'done: no second 不再关注').to.equal(false)
    expect(page.has('.follow'), 'she may follow again').to.equal(true)
    expect(page.text()).to.include('关注这个活动')
    expect(page.textOf('.item'), 'what she already has stays').to.include('宪法全文')
    expect(page.textOf('.followed-before')).to.equal('下面是您关注时收到的学习材料。')

    await created(organizer.post(`/api/admin/campaigns/${c.id}/items`, { title: '宪法宣传周问答', required: false, body: '<p>问答</p>' }))
    const later = await openPage(`pages/study/campaign?campaignId=${c.id}`)
    expect(later.text(), 'nothing new reaches her').to.include('宪法全文').and.not.include('宪法宣传周问答')
    const list = await openPage('pages/study/index')
    expect(list.textOf('.campaign.other'), 'her list counts what she has, and says she stopped')
      .to.include('宪法宣传周')
      .and.include('已读 0 / 1 篇')
      .and.include('已不再关注')
      .and.not.include('· 已关注')
  })

  it('a deputy of the station it names still reads 必读 beside its reading', async () => {
    const c = await campaignWithReading()
    await phoneOfZhang(app)
    const page = await openPage(`pages/study/campaign?campaignId=${c.id}`)
    expect(page.textOf('.item')).to.include('未读').and.include('必读')
    expect(page.has('#unfollow'), 'his by his station: nothing to stop following').to.equal(false)
  })
})
