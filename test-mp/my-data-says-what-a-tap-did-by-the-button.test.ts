import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 我的信息 is a long page on a phone set to large text: 撤回同意 and 删除我的信息 are low on it.
 * What a tap did, or why it could not, is said in the card of the button she tapped — where her
 * eyes are — not at the top of the page, out of her sight.
 */
describe('mini-program: 我的信息 says what a tap did beside the button tapped', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function herPage() {
    await asResident(app, 'o-my-data-words')
    holdPhone(app, 'o-my-data-words')
    return openPage('pages/mine/data')
  }

  /** Taps with no signal (a lift, a bus); the signal comes back after. */
  async function tapOffline(page: MpPage, selector: string) {
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    try {
      await page.tap(selector)
    } finally {
      phone.backend = backend
    }
  }

  it('撤回同意: the words come under its button, not at the top of the page', async () => {
    const page = await herPage()
    phone.modalAnswers.push(true)
    await page.tap('#withdraw-consent')
    const screen = page.text()
    expect(screen.startsWith('我们保存了您的这些信息'), `nothing at the top: ${screen.slice(0, 40)}`).to.equal(true)
    expect(screen.indexOf('已撤回您的同意'), 'below 撤回同意').to.be.greaterThan(screen.lastIndexOf('撤回同意撤回后不能再留言'))
    // The 删除我的信息 card by its title and first words: the withdraw words themselves name that button.
    expect(screen.indexOf('已撤回您的同意'), 'above 删除我的信息').to.be.lessThan(screen.indexOf('删除我的信息删除电话'))
    expect(page.textOf('#consent-message')).to.include('已撤回您的同意')
  })

  it('no signal: each failure is said in the card of the button tapped, and the next tap clears it', async () => {
    const page = await herPage()
    const offline = '网络不通，请检查网络后重试'

    phone.modalAnswers.push(true)
    await tapOffline(page, '#delete')
    expect(page.text().indexOf(offline), 'in the 删除 card, below its words').to.be.greaterThan(page.text().indexOf('办完的留言去掉个人信息后只用于统计'))
    expect(page.textOf('#delete-error')).to.equal(offline)
    expect(page.has('#consent-error') || page.has('#export-error')).to.equal(false)
    expect(page.has('#export'), 'nothing was deleted: the page is all there').to.equal(true)

    phone.modalAnswers.push(true)
    await tapOffline(page, '#withdraw-consent')
    expect(page.textOf('#consent-error')).to.equal(offline)
    expect(page.has('#delete-error'), 'the words of the tap before are gone').to.equal(false)

    await tapOffline(page, '#export')
    expect(page.textOf('#export-error')).to.equal(offline)
    expect(page.has('#consent-error')).to.equal(false)
    expect(page.text().startsWith('我们保存了您的这些信息')).to.equal(true)
  })
})
