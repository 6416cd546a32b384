import { expect } from 'chai'
import { holdAgreedPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office } from './office.js'

const DAY = 86_400_000

/**
 * 刘奶奶, 80, in 关怀模式, opens the link of a 宪法宣传周 reading passed on in her community's group before she follows
 * the campaign. The page says which campaign it is in and offers 关注这个活动, not "学习材料不存在"; one tap and the
 * reading opens, recorded as read.
 */
describe('mini-program: a reading link opened before following offers to follow', () => {
  let app: Backend
  afterEach(() => app.close())

  it('says where the reading is, and 关注这个活动 opens it', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const now = app.clock.now().getTime()
    const c = await created(
      organizer.post('/api/admin/campaigns', {
        title: '2026年宪法宣传周学习宣传',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 7 * DAY).toISOString(),
        audience: { stationIds: ['st001'], followers: true },
      }),
    )
    const item = await created(organizer.post(`/api/admin/campaigns/${c.id}/items`, { title: '宪法全文', required: true, body: '<p>第一条</p>' }))
    await holdAgreedPhone(app, 'o-liu-nainai-study')
    phone.storage.set('care.mode', 'on')
    const page = await openPage(`pages/study/item?itemId=${item.id}`)
    expect(page.textOf('#follow-words')).to.equal('这篇学习材料在“2026年宪法宣传周学习宣传”里，关注这个活动就能看。')
    expect(page.text()).not.to.include('学习材料不存在')
    expect(page.text()).to.include('就能看。关注这个活动返回首页')
    expect(page.buttonLook('#follow'), '关注 is the one thing to do').to.equal('filled')

    await page.tap('#follow')
    expect(page.has('#follow')).to.equal(false)
    // What her tap did, and where the campaign's other reading is (no message will bring it: she looks in 学习).
    expect(page.textOf('#followed')).to.equal('已关注“2026年宪法宣传周学习宣传”。这个活动的学习材料都在首页的“学习”里，请常去看看。')
    expect(page.textOf('.title')).to.equal('宪法全文')
    expect(page.text()).to.include('您已看过')
  })
})
