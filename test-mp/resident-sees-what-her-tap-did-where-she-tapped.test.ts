import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * 李阿姨 reads the answer to her message and rates it, asks for it to be handled again, or takes
 * back a message. The card she used goes away once it is done: what became of her message is
 * said right there, where her eyes are — and what went wrong is said in that card, by its button,
 * not below another one.
 */
describe('mini-program: a resident sees what her tap did where she tapped', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  /** Her message (agreed to 公开), written and answered; the phone is hers. */
  async function answeredMessage(openid: string) {
    const her = await asResident(app, openid)
    const c = await created(her.post('/api/mp/cases', { text: '楼下的路灯坏了，晚上看不见路', deputyCode: 'DP0001', publicConsent: true }))
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请供电所本周修好。' }))
    holdPhone(app, openid)
    return c.id as string
  }

  it('rates the answer low and asks for it again: each outcome said where the card she used was', async () => {
    const page = await openPage(`pages/case/detail?caseId=${await answeredMessage('o-rates-low')}`)

    await page.tap('#submit-rating')
    const screen = page.text()
    expect(page.textOf('#rate-error')).to.equal('请先点星星打分')
    expect(screen.indexOf('请先点星星打分'), 'above 送出评价, in the card with the stars').to.be.lessThan(screen.indexOf('送出评价'))
    expect(screen.indexOf('请先点星星打分'), 'not below the next card, by another button').to.be.lessThan(screen.indexOf('您同意了公开这条留言'))

    await page.emit('#rate', 'change', { value: 2 })
    await page.type('#comment', '还是没修')
    await page.tap('#submit-rating')
    expect(page.text(), 'below her rating, where the stars were, and what she can do next right under it').to.include(
      '您的评价：2 分（不满意），还是没修谢谢您的评价。这条留言已办结。问题还没解决的话，可以在下面请代表重新办理。问题还没解决？',
    )

    // Her rating's words fill the box (her-rating-words-carry-into-asking-again): she empties it first.
    await page.type('#reason', '')
    await page.tap('#reopen')
    expect(page.textOf('#reopen-error'), 'in the card of 申请重新办理').to.equal('请写下还有什么没解决')
    await page.type('#reason', '路灯还是不亮')
    await page.tap('#reopen')
    expect(page.textOf('#status')).to.include('重新办理')
    expect(page.text(), 'the old answer and the cards gone, right under the line that says by when').to.match(
      /张伟代表会在 .+ 答复您楼下的路灯坏了，晚上看不见路.+送出办理：张伟代表已请代表重新办理，代表会再次答复您。/,
    )
  })

  it('takes back a message: said below the timeline, where 撤回这条留言 was', async () => {
    const her = await asResident(app, 'o-takes-back')
    const c = await created(her.post('/api/mp/cases', { text: '小区健身器材坏了', deputyCode: 'DP0001' }))
    holdPhone(app, 'o-takes-back')
    const page = await openPage(`pages/case/detail?caseId=${c.id}`)
    phone.modalAnswers.push(true)
    await page.tap('#withdraw')
    expect(page.textOf('#status')).to.include('已撤回')
    const screen = page.text()
    expect(screen.endsWith('这条留言已撤回，代表不再办理。'), `the last words on the page, where the button was: ${screen}`).to.equal(true)
    expect(screen.indexOf('这条留言已撤回'), 'not at the top').to.be.greaterThan(screen.indexOf('办理经过'))
  })
})
