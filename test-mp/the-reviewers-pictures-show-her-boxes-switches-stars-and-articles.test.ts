import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { collectingCycle, created, office } from './office.js'
import { drawWidget, withWidgetsDrawn } from './screens/render-widgets.js'

/**
 * The pictures of the mini-program (npm run mp:screenshots) are how a reviewer judges a page without a phone. They
 * showed no text in the write page's box, no 关怀模式 switch, no rating stars, no article and 首页's menu as loose lines of
 * text: the widgets WeChat and TDesign draw were left empty. Each is now drawn as the phone shows it, from what the page
 * holds at that moment.
 */
describe('mini-program pictures: the input widgets and menu rows are drawn as she sees them', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** The page as its picture draws it. */
  const pictured = (page: MpPage) => withWidgetsDrawn([page.component], page.root)
  const texts = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent)

  it('关怀模式 on draws its switch on, in the page colour; off draws it grey', async () => {
    holdPhone(app, 'o-pictures-care')
    phone.storage.set('care.mode', 'on')
    const on = pictured(await openPage('pages/mine/index'))
    expect(on.querySelectorAll('.shot-switch--on')).to.have.length(1)
    expect(on.querySelector('.shot-switch--on')?.getAttribute('style')).to.include('background:var(--td-switch-checked-color,var(--td-brand-color')
    phone.storage.set('care.mode', 'off')
    const off = pictured(await openPage('pages/mine/index'))
    expect(off.querySelectorAll('.shot-switch--off')).to.have.length(1)
    expect(off.querySelector('.shot-switch--off')?.getAttribute('style')).to.include('#dcdcdc')
  })

  it('the write page shows what she typed in its box, and the grey hint in the box she left empty', async () => {
    holdPhone(app, 'o-pictures-write')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '建设路12号门口的路灯坏了')
    const shown = pictured(write)
    expect(texts(shown, '.shot-value')).to.deep.equal(['建设路12号门口的路灯坏了'])
    expect(texts(shown, '.shot-placeholder')).to.deep.equal(['手机或座机号码'])
    expect(shown.querySelector('.shot-placeholder')?.getAttribute('style')).to.include('--td-text-color-placeholder')
    expect(shown.querySelectorAll('.shot-switch--off'), '匿名留言 and 同意公开, both off').to.have.length(2)
  })

  it('her 2 分 is two filled stars of five', async () => {
    const wang = await asResident(app, 'o-pictures-rate')
    const lamp = await created(wang.post('/api/mp/cases', { text: '建设路的路灯坏了一个月', regionId: 'c010101', deputyCode: 'DP0001' }))
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已联系供电所，本周五前修好。' }))
    holdPhone(app, 'o-pictures-rate')
    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    await page.emit('#rate', 'change', { value: 2 })
    const shown = pictured(page)
    expect(shown.querySelectorAll('.shot-star--on')).to.have.length(2)
    expect(shown.querySelectorAll('.shot-star--off')).to.have.length(3)
    expect(shown.querySelector('.shot-stars')?.getAttribute('style'), 'at the page size, 64rpx').to.include('font-size:64px')
  })

  it('我已阅读并同意 ticked is a ticked box beside its words', async () => {
    const cycle = await collectingCycle(app)
    holdPhone(app, 'o-pictures-propose')
    const form = await openPage(`pages/projects/propose?cycleId=${cycle.id}`)
    expect(pictured(form).querySelectorAll('.shot-check--off')).to.have.length(1)
    await form.emit('#agree', 'change', { checked: true })
    const ticked = pictured(form).querySelector('.shot-check--on')
    expect(ticked?.textContent).to.equal('✓')
    expect(ticked?.parentElement?.textContent).to.include('我已阅读并同意')
  })

  it('a study article shows its heading and paragraphs, and the box for her thoughts its frame', async () => {
    const organizer = await office(app)
    const now = app.clock.now().getTime()
    const campaign = await created(
      organizer.post('/api/admin/campaigns', {
        title: '学习贯彻代表法',
        startsAt: new Date(now - 86_400_000).toISOString(),
        endsAt: new Date(now + 7 * 86_400_000).toISOString(),
        audience: { stationIds: ['st001'] },
      }),
    )
    const body = '<h2>第一章 总则</h2><p>第一条 为了保证代表依法行使职权，制定本法。</p><p>第二条 代表依照法律规定选举产生。</p>'
    const item = await created(organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '代表法', required: true, body }))
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const shown = pictured(await openPage(`pages/study/item?itemId=${item.id}`))
    const article = shown.querySelector('.shot-rich-text')
    expect(texts(article as Element, 'h2')).to.deep.equal(['第一章 总则'])
    expect(texts(article as Element, 'p')).to.deep.equal(['第一条 为了保证代表依法行使职权，制定本法。', '第二条 代表依照法律规定选举产生。'])
    // The box for 学习心得 in the page's own frame (its .area: a grey border, 160rpx high), which TDesign's box took off.
    expect(texts(shown, '.main--area .shot-placeholder')).to.deep.equal(['写几句学习心得（可不填）'])
  })

  it('首页 draws its menu: each row its title, the words under it and an arrow, a line between rows', async () => {
    holdPhone(app, 'o-pictures-menu')
    const shown = pictured(await openPage('pages/index/index'))
    const rows = Array.from(shown.querySelectorAll('.shot-cell'))
    expect(texts(shown, '.shot-cell__title')).to.deep.equal(['我的留言', '学习', '问卷', '看看别人的留言和答复', '民生实事', '会议', '我的'])
    expect(texts(rows[0], '.shot-cell__description')).to.deep.equal(['看办理进度、答复和评价'])
    expect(rows.every((row) => row.querySelector('.shot-cell__arrow')?.textContent === '›')).to.equal(true)
    expect(
      rows.map((row) => (row.getAttribute('style') ?? '').includes('box-shadow:inset 0 -1px')),
      'no line under the last',
    ).to.deep.equal([...Array(6).fill(true), false])
    expect(rows[0].getAttribute('style'), 'a white row as tall as the page sets it').to.include('background:var(--td-cell-bg-color,#fff)')
    // The page's .menu on the group, which sets the space above it and the rows' height.
    expect(rows[0].closest('.main--menu')).not.to.equal(null)
  })

  it('a note is drawn at the right of its row, and a row without an arrow has none', () => {
    const html = drawWidget({ kind: 'cell', title: '我的留言', note: '3 条', description: '', arrow: false, line: true }, '')
    expect(html).to.include('class="shot-cell__note"').and.include('>3 条<').and.not.include('shot-cell__arrow').and.not.include('shot-cell__description')
  })

  it("WeChat's own switch, checkbox and radio, which no page uses yet, are drawn in WeChat's green", () => {
    const html = (widget: Parameters<typeof drawWidget>[0]) => drawWidget(widget, '同意')
    expect(html({ kind: 'switch', on: true, wechat: true })).to.include('background:#04be02')
    expect(html({ kind: 'switch', on: false, wechat: true })).not.to.include('#04be02')
    expect(html({ kind: 'check', on: true, round: false, wechat: true })).to.match(/color:#09bb07;[^>]*>✓/)
    expect(html({ kind: 'check', on: true, round: true, wechat: true })).to.include('border-radius:50%;background:#09bb07')
    expect(html({ kind: 'check', on: false, round: true, wechat: true })).not.to.include('✓')
  })

  it('a picker shows the field its page put in it, and its value as a field when the page put none', () => {
    expect(drawWidget({ kind: 'picker', value: '2026-11-23' }, '<wx-view>11月23日 ›</wx-view>')).to.equal('<wx-view>11月23日 ›</wx-view>')
    expect(drawWidget({ kind: 'picker', value: '08:00' }, ''))
      .to.include('class="shot-field"')
      .and.include('>08:00<')
  })
})
