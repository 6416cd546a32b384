import { expect } from 'chai'
import { addDays } from '../src/domain/local-days.js'
import { localDate, monthDayText } from '../src/domain/dates.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phoneOfZhang } from './office.js'

/**
 * Review 37, finding 13. 张伟 pauses his new messages for his hospital days. After 确认暂停 the page said so in a card,
 * but the whole form stayed open under it, ending in the big red 保存修改, and the way back was a small link: he
 * wondered whether he still had to press it. Now, once saved, the page says the pause in words and its one filled
 * button is 恢复接收新留言, in green (nothing is lost by it); the form is folded behind 修改暂停的日子. Opened again
 * later, the page reads the same.
 */
/** The words on a TDesign button as he reads them, from the button it renders ('' when there is none). */
function label(page: MpPage, selector: string): string {
  const host = page.component.querySelector(selector)
  const rendered = host?._exparserNode.shadowRoot?.childNodes.find((n: any) => n.$$)
  return String(rendered?.$$?.textContent ?? '').replace(/\s+/g, '')
}

describe('mini-program: after saving a pause, the one action is to take new messages again', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('says the pause, offers 恢复接收新留言 (green, filled) and folds the form until 修改暂停的日子', async () => {
    const today = localDate(app.clock.now(), 'Asia/Shanghai')
    const until = addDays(today, 6)
    const said = `您已暂停接收新留言（${monthDayText(today)}至${monthDayText(until)}），您手上的留言仍由您办理`
    await phoneOfZhang(app)

    const page = await openPage('pages/deputy/away')
    expect(label(page, '.save')).to.equal('确认暂停')
    await page.emit('.until', 'change', { value: until })
    await page.tap('.reason-leave')
    await page.tap('.save')

    expect(page.textOf('.away-text')).to.equal(said)
    expect(page.has('.save'), 'no 保存修改 left open under it').to.equal(false)
    expect(page.has('.form')).to.equal(false)
    expect(label(page, '.end')).to.equal('恢复接收新留言')
    expect(page.buttonLook('.end'), 'the one filled button').to.equal('filled')
    expect(page.buttonLook('.change-dates')).to.equal('plain')
    const resume = declarations('pages/deputy/away.wxss', '.resume')
    expect(resume.get('--td-button-primary-bg-color'), 'green, not the red of a save').to.equal('#1b5e20')

    // Opened again another day: the same, and the form (holding his pause) only when he asks to change the days.
    const again = await openPage('pages/deputy/away')
    expect(again.textOf('.away-text')).to.equal(said)
    expect(again.has('.save')).to.equal(false)
    await again.tap('.change-dates')
    expect(label(again, '.save')).to.equal('保存修改')
    expect(again.textOf('.reason-leave')).to.include('✓ 已选')
    expect(again.buttonLook('.save'), 'changing the days: 保存修改 is the one filled button').to.equal('filled')
    expect(again.buttonLook('.end'), '恢复 steps back while he edits').to.equal('plain')
    expect(again.has('.change-dates'), 'the form is open: no second way to open it').to.equal(false)
    // 保存修改: saved, the page reads as after 确认暂停 again, the form folded.
    await again.tap('.save')
    expect(again.textOf('.done')).to.include('已保存')
    expect(again.has('.form'), 'folded again once saved').to.equal(false)
    expect(again.buttonLook('.end')).to.equal('filled')

    await page.tap('.end')
    expect(page.textOf('.done')).to.include('已恢复接收新留言')
    expect(label(page, '.save'), 'no pause: the form to set one').to.equal('确认暂停')
  })
})
