import { expect } from 'chai'
import { holdPhone, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { studyCampaign } from './office.js'

const DAY = 86_400_000

/**
 * 王阿姨 (70) follows a campaign, scrolls to the bottom of a long page and presses 打卡 before
 * reading anything. The refusal is said right under the button she pressed, where her eyes are,
 * not at the top of the page off her screen; the green "已关注…" note stays where it was, and the grey hint
 * above the button does not say the same sentence again. Once she has checked in today (here or on a
 * reading) the card says 今天已打卡 where the button was, until the next day. Once the campaign is over,
 * its top line says so once.
 */
describe('mini-program: a refused 打卡 is said by the button she pressed', () => {
  let app: Backend
  let campaignId: string
  let itemId: string

  beforeEach(async () => ({ app, campaignId, itemId } = await studyCampaign()))
  afterEach(() => app.close())

  it('says "请先点开上面的学习材料读一读，再来打卡" straight under the 打卡 button', async () => {
    holdPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    await page.tap('.follow')
    await page.tap('.check-in')

    // The button as drawn (TDesign's host class is not kept in the render), and what comes right after its spaced row.
    const button = Array.from(page.root.querySelectorAll('wx-button')).find((el) => (el.textContent ?? '').trim() === '打卡')
    expect(button, 'the 打卡 button').to.not.equal(undefined)
    const row = button?.closest('.main--btn')
    expect(row, 'the 打卡 button in its .btn, apart from the box above it').to.not.equal(null)
    const under = (row?.nextElementSibling?.textContent ?? '').trim()
    expect(under, 'the words right under 打卡').to.equal('请先点开上面的学习材料读一读，再来打卡')
    expect(page.textOf('.notice'), 'the follow note is not replaced').to.equal('已关注，学习材料都在下面。发布新材料时不会另外通知您，请常回来看看。')
    expect(page.text()).to.include('已打卡 0 次')
    const said = page.text().split('请先点开上面的学习材料读一读').length - 1
    expect(said, 'the refusal is said once, not also as the hint above the button').to.equal(1)
  })

  it('says 今天已打卡 where the button was once she checked in today, and offers 打卡 again the next day', async () => {
    holdPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    await page.tap('.follow')
    await openPage(`pages/study/item?itemId=${itemId}`) // she reads it
    await page.show()
    await page.tap('.check-in')
    expect(page.textOf('.checked-today')).to.equal('今天已打卡，每天可以打卡一次。')
    expect(page.has('.check-in'), 'no 打卡 offered only to be refused').to.equal(false)
    expect(page.text()).to.include('已打卡 1 次')

    const again = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    expect(again.textOf('.checked-today'), 'opened again the same day').to.equal('今天已打卡，每天可以打卡一次。')
    expect(again.has('.check-in')).to.equal(false)

    app.clock.advance(DAY)
    holdPhone(app, 'o-wang-ayi') // a new day, a new session
    const tomorrow = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    expect(tomorrow.has('.checked-today')).to.equal(false)
    expect(tomorrow.has('.check-in'), 'a new day, a new 打卡').to.equal(true)
  })

  it('says 今天已打卡 on the campaign after she checked in on its reading', async () => {
    holdPhone(app, 'o-wang-ayi')
    const page = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    await page.tap('.follow')
    const reading = await openPage(`pages/study/item?itemId=${itemId}`)
    await reading.tap('.check-in')
    expect(reading.textOf('.notice')).to.equal('已打卡，已记入您的学习进度')
    await page.show()
    expect(page.textOf('.checked-today')).to.equal('今天已打卡，每天可以打卡一次。')
    expect(page.has('.check-in')).to.equal(false)
  })

  it('says an ended campaign ended once: "已于…结束", not "已结束 · …结束"', async () => {
    holdPhone(app, 'o-wang-ayi')
    const running = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    await running.tap('.follow')
    expect(running.textOf('.meta')).to.match(/^湛河区人大常委会 · .*进行中 · \d+月\d+日结束$/)

    app.clock.advance(11 * DAY)
    holdPhone(app, 'o-wang-ayi') // a new day, a new session
    const ended = await openPage(`pages/study/campaign?campaignId=${campaignId}`)
    expect(ended.textOf('.meta')).to.match(/^湛河区人大常委会 · 已于\d+月\d+日结束$/)
  })
})
