import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { expectAboveBody } from './harness/stylesheets.js'
import { created, phoneOfZhang } from './office.js'

/** A row as he reads it, and how it is drawn: its classes, its dot's and its switch's (without the harness's prefix). */
function row(page: MpPage, selector: string) {
  const found = page.component.querySelector(selector)
  if (!found) throw new Error(`no ${selector}; the page shows: ${page.text().slice(0, 300)}`)
  const unprefixed = (el: Element | null) => (el ? Array.from(el.classList).map((c) => c.replace(/^main--/, '')) : [])
  const dom = found.dom as HTMLElement
  return {
    text: page.textOf(selector),
    classes: unprefixed(dom),
    dot: unprefixed(dom.querySelector('.main--dot')),
    switch: unprefixed(dom.querySelector('.main--switch')),
  }
}

const AUTO = '自动（哪个能收到就用哪个）'
const MP = '只发小程序消息'
// The chat by the nickname the office gave its WeChat account (config bot.nickname).
const BOT = '只发微信私聊（湛河人大联络站）'

/**
 * 张伟, 68, opens 每日摘要设置 (review 36, findings 1 and 2). How the digest comes is one choice of three, not two
 * switches: both switches said 已关闭 while the digest still came. A radio list as his pause reasons are drawn
 * (styles/radio-list.wxss): 自动 chosen until he picks another, ✓ 已选 said in words on the one chosen and on no
 * other; 保存 keeps it as the server's list (自动: none, the office's order; one way: that one only). Days off are a
 * switch with one fixed label, 休息日也发送, and 已打开 / 已关闭 beside the knob, never 休息日不发 beside a knob drawn
 * off. Until he presses 保存 — the page's one filled button — it tells him that nothing has changed yet.
 */
describe('mini-program: his digest way is one choice of three, days off a switch', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend({ bot: { nickname: '湛河人大联络站' } })
  })
  afterEach(() => app.close())

  it('自动 is chosen until he picks another; ✓ 已选 moves with his tap; 保存 keeps what he picked', async () => {
    const zhang = await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    expect(page.text()).to.include('通过哪里收到（选一个）')
    expect(row(page, '.way-auto').text).to.equal(`${AUTO}✓ 已选`)
    expect(row(page, '.way-mp_subscribe').text).to.equal(MP)
    expect(row(page, '.way-bot_private').text).to.equal(BOT)
    expect(page.text().match(/✓ 已选/g), 'one chosen').to.have.length(1)
    expect(page.text(), 'no way says 已关闭 while the digest still comes').not.to.include('已关闭').and.not.include('两个都关闭')
    for (const way of ['.way-auto', '.way-mp_subscribe', '.way-bot_private']) {
      // `.radio` is a row high: 112rpx, 136rpx in 关怀模式 (care-mode-tap-targets-grow).
      expect(row(page, way).classes, `${way}: a whole row to tap`).to.include('radio')
    }
    expect(row(page, '.way-auto').dot, 'its dot filled').to.deep.equal(['dot', 'on'])
    expect(row(page, '.way-bot_private').dot, 'an empty dot').to.deep.equal(['dot'])
    expect(page.textOf('.channels-note')).to.include('自动：先发小程序消息，没开通时发微信私聊（湛河人大联络站）')
    expect(page.has('.unsaved'), 'nothing changed yet').to.equal(false)

    await page.tap('.way-bot_private')
    expect(row(page, '.way-bot_private').text).to.equal(`${BOT}✓ 已选`)
    expect(row(page, '.way-auto').text, 'the choice moved').to.equal(AUTO)
    expect(row(page, '.way-auto').classes).not.to.include('on')
    expect(page.textOf('.unsaved')).to.equal('改好后请点下面的“保存”，不保存就不算数。')
    expect(page.buttonLook('.save'), '保存: the one obvious action').to.equal('filled')

    await page.tap('.save')
    expect(page.text()).to.include('已保存')
    expect(page.has('.unsaved'), 'saved: nothing left to save').to.equal(false)
    expect((await zhang.get('/api/mp/deputy/digest-preferences')).body.channels, 'that way only').to.deep.equal(['bot_private'])
    const again = await openPage('pages/deputy/digest')
    expect(row(again, '.way-bot_private').text, 'as saved').to.equal(`${BOT}✓ 已选`)

    await again.tap('.way-auto')
    await again.tap('.save')
    expect((await zhang.get('/api/mp/deputy/digest-preferences')).body.channels, '自动: the office’s order').to.deep.equal([])
  })

  it('both ways kept by the old switches read as 自动, one way as that way only', async () => {
    const zhang = await phoneOfZhang(app)
    const keep = (channels: string[]) => created(zhang.request('PUT', '/api/mp/deputy/digest-preferences', { channels, sendAt: null, muteWeekends: false }))
    await keep(['mp_subscribe', 'bot_private'])
    expect(row(await openPage('pages/deputy/digest'), '.way-auto').text).to.equal(`${AUTO}✓ 已选`)
    await keep(['mp_subscribe'])
    const page = await openPage('pages/deputy/digest')
    expect(row(page, '.way-mp_subscribe').text).to.equal(`${MP}✓ 已选`)
    expect(page.text().match(/✓ 已选/g)).to.have.length(1)
  })

  it('休息日也发送 keeps its label and says 已打开, then 已关闭, beside its switch', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    expect(row(page, '.weekends').text).to.equal('休息日也发送已打开')
    expect(row(page, '.weekends').classes, 'a whole row to tap').to.include('row')
    expect(row(page, '.weekends').switch).to.deep.equal(['switch', 'on'])
    await page.tap('.weekends')
    expect(row(page, '.weekends').text, 'the same label; the state in words').to.equal('休息日也发送已关闭')
    expect(row(page, '.weekends').switch).to.deep.equal(['switch'])
    expect(page.text(), 'no double negative').not.to.include('休息日不发')
    await page.tap('.save')
    const again = await openPage('pages/deputy/digest')
    expect(row(again, '.weekends').text, 'as saved').to.equal('休息日也发送已关闭')
  })

  it('通过哪里收到 and 什么时间收到 read larger than the text under them, in 关怀模式 too', () => {
    expectAboveBody('pages/deputy/digest.wxss', '.subtitle')
  })
})
