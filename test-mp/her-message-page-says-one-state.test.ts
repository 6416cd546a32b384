import { createRequire } from 'node:module'
import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

const exparser = createRequire(import.meta.url)('miniprogram-exparser')

/** The classes of the button a TDesign t-button renders (its look: base, outline, text). */
function buttonClasses(page: MpPage, selector: string): string {
  const host = page.component.querySelector(selector)
  const rendered = host._exparserNode.shadowRoot?.childNodes.find((n: any) => n instanceof exparser.Element)
  return String(rendered?.$$?.className ?? '')
}

/**
 * 赵阿姨, 71, in 关怀模式, looks at her message day after day. The page says where it stands once, in
 * one sentence with the deputy's name — "已交给张伟代表，代表还没有看", then "张伟代表已看到，正在办" —
 * and by when he will answer; not a label saying one thing and a bold line another. 撤回 is not the
 * one button that stands out: it is a quiet link at the foot of the page. Her number, which she was
 * told to write down, is never broken across two lines.
 */
describe('mini-program: her message’s page says where it stands once', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T01:30:00Z')) // Monday 09:30 in Shanghai
  })
  afterEach(() => app.close())

  it('one state in words with the deputy’s name and the date, before and after he has read it', async () => {
    const zhao = await asResident(app, 'o-zhao-ayi')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '光明社区5号楼楼道灯坏了，晚上黑得看不见台阶', deputyCode: 'DP0001' }))
    holdPhone(app, 'o-zhao-ayi')
    phone.storage.set('care.mode', 'on')

    const day1 = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(day1.textOf('#ticket')).to.equal(lamp.ticket)
    expect(day1.textOf('#status')).to.equal('○ 已交给张伟代表，代表还没有看')
    expect(day1.textOf('#waiting')).to.equal('张伟代表会在 12月14日前（含当日） 答复您')
    for (const second of ['办理中', '等代表受理']) expect(day1.text(), 'no second state').not.to.include(second)

    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${lamp.id}/acknowledge`, {}))
    const day2 = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(day2.textOf('#status')).to.equal('◐ 张伟代表已看到，正在办')
    expect(day2.textOf('#waiting')).to.equal('张伟代表会在 12月14日前（含当日） 答复您')
  })

  it('撤回 is a quiet link at the foot of the page, not the one button that stands out', async () => {
    const zhao = await asResident(app, 'o-zhao-quiet')
    const lamp = await created(zhao.post('/api/mp/cases', { text: '楼道灯坏了', deputyCode: 'DP0001' }))
    holdPhone(app, 'o-zhao-quiet')
    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(buttonClasses(page, '#withdraw'), 'a text link, neither filled nor outlined').to.match(/button--text\b/)
    expect(page.text().endsWith('撤回这条留言'), 'below everything she came to read').to.equal(true)
  })

  it('keeps the ticket number whole on its line, in 关怀模式 too, here and on 留言已送出', () => {
    for (const file of ['pages/case/detail.wxss', 'pages/case/result.wxss'])
      expect(declarations(file, '.ticket__no').get('white-space'), file).to.equal('nowrap')
  })
})
