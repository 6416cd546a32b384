import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

const ROWS = ['.reason-leave', '.reason-study', '.reason-other']

/** Each reason row as he reads it, and how it is drawn: its classes and its dot's (without the harness's prefix). */
function row(page: MpPage, selector: string) {
  const found = page.component.querySelector(selector)
  if (!found) throw new Error(`no ${selector}; the page shows: ${page.text().slice(0, 300)}`)
  const unprefixed = (el: Element | null) => (el ? Array.from(el.classList).map((c) => c.replace(/^main--/, '')) : [])
  const dom = found.dom as HTMLElement
  return { text: page.textOf(selector), classes: unprefixed(dom), dot: unprefixed(dom.querySelector('.main--dot')) }
}

/**
 * 张伟, 68, pauses his new messages (暂停接收留言) and says why. The reason is one of three: a radio list as on his
 * phone's own settings (one choice of several is a radio list, drawn from styles/radio-list.wxss as the digest
 * page's way of coming is). Each reason is a whole framed row to tap, with a dot; the chosen one says ✓ 已选 in words
 * and the others say nothing — no 未选 beside each. A second tap elsewhere moves the choice; 确认暂停 keeps it.
 */
describe('mini-program: his pause reason reads as one choice of several', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('reasons are radio rows: none chosen, then ✓ 已选 on the one he taps, moving with his next tap', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/away')
    expect(page.text(), 'no chip that reads as a status').not.to.include('未选').and.not.include('已选')
    expect(page.text()).to.include('原因（选一个）')
    for (const selector of ROWS) {
      const r = row(page, selector)
      // `.radio` is a row high: 112rpx, 136rpx in 关怀模式 (care-mode-tap-targets-grow).
      expect(r.classes, `${selector}: a whole row to tap`).to.include('radio')
      expect(r.dot, `${selector}: its dot drawn, empty`).to.deep.equal(['dot'])
    }

    await page.tap('.reason-study')
    expect(row(page, '.reason-study')).to.deep.include({ text: '外出学习、培训、开会✓ 已选' })
    expect(row(page, '.reason-study').dot).to.include('on')
    expect(row(page, '.reason-leave').text).to.equal('请假（生病、住院、家里有事）')
    expect(page.text().match(/✓ 已选/g), 'one chosen').to.have.length(1)

    await page.tap('.reason-leave')
    expect(row(page, '.reason-leave').text).to.equal('请假（生病、住院、家里有事）✓ 已选')
    expect(row(page, '.reason-study').text, 'the choice moved').to.equal('外出学习、培训、开会')
    expect(row(page, '.reason-study').classes).not.to.include('on')

    const today = page.data.today as string
    await page.emit('.until', 'change', { value: today })
    await page.tap('.save')
    expect(page.textOf('.done')).to.include('已保存')
    const again = await openPage('pages/deputy/away')
    // The saved pause's form is folded behind 修改暂停的日子 (review 37, finding 13).
    await again.tap('.change-dates')
    expect(row(again, '.reason-leave').text, 'as saved').to.equal('请假（生病、住院、家里有事）✓ 已选')
  })
})
