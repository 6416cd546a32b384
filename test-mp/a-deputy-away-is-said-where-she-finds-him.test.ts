import { expect } from 'chai'
import { asAdmin } from '../test/helpers/app.js'
import { addDays } from '../src/domain/local-days.js'
import { localDate, monthDayText } from '../src/domain/dates.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 刘洋 (光明社区代表联络点) is in hospital this week: the station's clerk marked him 暂停接收留言.
 * A resident who finds him — on the station's card (找我的代表 → the station) or by his poster —
 * reads until when he takes no message, never why, and is offered the station instead.
 */
describe('mini-program: a deputy away (暂停接收留言) where she finds him', () => {
  let app: Backend
  let until: string
  before(async () => {
    app = await startBackend()
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    until = addDays(today, 4)
    const marked = await (await asAdmin(app)).put('/api/admin/deputies/dp0005/away', { from: today, until, reason: 'other', note: '住院' })
    expect(marked.status, JSON.stringify(marked.body)).to.equal(200)
  })
  after(() => app.close())

  it("the station's card says it beside his name", async () => {
    const card = await openPage(`pages/index/index?scene=${encodeURIComponent('s=ST003')}`)
    expect(card.text())
      .to.include('刘洋')
      .and.include(`暂停接收留言至${monthDayText(until)}`)
    expect(card.text()).not.to.include('住院')
  })

  it('his own card says it, offers his station instead of him, and keeps why to the office', async () => {
    const card = await openPage(`pages/index/index?scene=${encodeURIComponent('d=DP0005')}`)
    expect(card.text())
      .to.include(`暂停接收留言至${monthDayText(until)}`)
      .and.include('刘洋 代表这几天不在')
      .and.include('光明社区代表联络点')
    expect(card.text()).not.to.include('住院')
    expect(card.text(), 'no button that promises him').not.to.include('给代表留言')
    await card.tap('#write-station')
    expect(phone.navigations.at(-1)!.url).to.equal('/pages/case/new?stationCode=ST003&chosen=1')
  })
})
