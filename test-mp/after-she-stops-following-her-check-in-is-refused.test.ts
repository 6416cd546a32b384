import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office } from './office.js'

const DAY = 86_400_000

/**
 * 王阿姨 followed 宪法宣传周 and pressed 不再关注. The reading that reached her stays hers, and its page still offers
 * 打卡 (the item page does not know she left); the backend no longer takes it, and she is told why in her words and
 * what to do. Following again, her 打卡 is taken.
 */
describe('mini-program: after she stops following a campaign, her 打卡 is refused', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('says she no longer follows it and how to follow again; once she does, 已打卡', async () => {
    const organizer = await office(app)
    const now = app.clock.now().getTime()
    const c = await created(
      organizer.post('/api/admin/campaigns', {
        title: '宪法宣传周',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 7 * DAY).toISOString(),
        audience: { stationIds: ['st001'], followers: true },
      }),
    )
    const item = await created(organizer.post(`/api/admin/campaigns/${c.id}/items`, { title: '宪法全文', required: true, body: '<p>第一条</p>' }))
    holdPhone(app, 'o-wang-left')
    const campaign = await openPage(`pages/study/campaign?campaignId=${c.id}`)
    await campaign.tap('.follow')
    await campaign.tap('#unfollow')
    expect(campaign.has('.follow'), 'she may follow again').to.equal(true)

    const reading = await openPage(`pages/study/item?itemId=${item.id}`)
    expect(reading.textOf('.title'), 'what reached her stays hers to read').to.equal('宪法全文')
    await reading.tap('.check-in')
    expect(reading.textOf('.error')).to.equal('您已经不关注这个活动了，不能打卡。想打卡，请先在活动页点“关注这个活动”。')
    expect(reading.text()).not.to.include('已打卡，已记入')

    const again = await openPage(`pages/study/campaign?campaignId=${c.id}`)
    await again.tap('.follow')
    const back = await openPage(`pages/study/item?itemId=${item.id}`)
    await back.tap('.check-in')
    expect(back.textOf('.notice')).to.equal('已打卡，已记入您的学习进度')
    expect(back.has('.error')).to.equal(false)
  })
})
