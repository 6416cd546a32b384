import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * 赵阿姨, 72, rated the deputy's answer 1 分: the street lamp is still dark. Her message's page
 * offers 重新办理 with the last day she may ask ("可以在 11月30日 10:00前申请重新办理"). Nine days
 * later the window is past: the page no longer offers a button the server would refuse; it says
 * she can no longer ask and offers one button to write a new message. If the window closes while
 * the page is open, her tap is answered the same way and the button goes.
 */
describe('mini-program: a resident is offered 重新办理 only while she may ask for it', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
  })
  afterEach(() => app.close())

  const DAY = 86_400_000

  /** Her message to 张伟, answered and rated 1 分 on Monday 23 November at 10:00. */
  async function ratedLow() {
    const zhao = await asResident(app, 'o-zhao-ayi')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '北门的路灯坏了一个月，晚上出门看不清路', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已联系供电所，这周内修好。' }))
    await created(zhao.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 1, comment: '还是没修' }))
    holdPhone(app, 'o-zhao-ayi')
    return lamp.id as string
  }

  it('says the last day while she may ask; past it, says so and offers to write a new message', async () => {
    const id = await ratedLow()
    const page = await openPage(`pages/case/detail?caseId=${id}`)
    expect(page.textOf('#reopen-until')).to.include('可以在 11月30日 10:00前申请重新办理')
    expect(page.has('#reopen'), 'the button while she may').to.equal(true)
    expect(page.has('#write-again')).to.equal(false)

    app.clock.set(new Date(Date.parse('2026-11-23T02:00:00Z') + 9 * DAY))
    const late = await openPage(`pages/case/detail?caseId=${id}`)
    expect(late.has('#reopen'), 'no button the server would refuse').to.equal(false)
    expect(late.has('#reason')).to.equal(false)
    expect(late.textOf('#reopen-passed')).to.include('答复已经超过 7 天，不能再申请重新办理了。问题还没有解决的话，您可以再写一条留言')
    await late.tap('#write-again')
    // Her message was to 张伟 by his code: the new one opens his form (writing-again-goes-to-the-deputy-she-wrote-to).
    expect(phone.navigations.at(-1)).to.deep.include({ url: '/pages/case/new?deputyCode=DP0001&chosen=1' })
  })

  it('when the window closes while the page is open, her tap is answered and the button goes', async () => {
    const id = await ratedLow()
    const page = await openPage(`pages/case/detail?caseId=${id}`)
    await page.type('#reason', '路灯还是不亮')
    app.clock.set(new Date(Date.parse('2026-11-23T02:00:00Z') + 8 * DAY))
    await page.tap('#reopen')
    expect(page.has('#reopen'), 'the button does not stay').to.equal(false)
    expect(page.textOf('#reopen-passed')).to.include('不能再申请重新办理了').and.include('再写一条留言')
  })
})
