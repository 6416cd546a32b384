import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 holds three messages on a Friday morning: one from four weeks ago that nobody answered (its answer's deadline is
 * long gone: 超期, as the office counts it), one from Monday he has not acknowledged (its 受理 day went by on Tuesday,
 * its answer is not due for weeks), and one from today. His home page counts the first as 答复已超期 and says the second
 * apart, in its own words, never counting it twice; his 我的待办 says each line so.
 */
describe('mini-program: a deputy reads a late acknowledgement apart from an overdue message', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const write = async (text: string) => created((await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))

  it('待办 3 项, and below it in red 1 条留言答复已超期，1 条留言已过受理期限; each line says which', async () => {
    app.clock.set(new Date('2026-10-26T02:00:00Z')) // Monday four weeks before, 10:00 in Asia/Shanghai
    const old = await write('小区门口的路灯坏了两个星期，晚上老人出门看不见')
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00: to be acknowledged by Tuesday 10:00
    const monday = await write('小区门口的垃圾好几天没人清运')
    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday 10:00
    const today = await write('楼道里的扶手断了')
    await phoneOfZhang(app)

    const home = await openPage('pages/index/index')
    // The count in the body colour; the late ones on a line of their own, in the red the workbench gives late things.
    expect(home.textOf('.todo-total')).to.equal('待办 3 项')
    expect(home.textOf('.todo-late'), 'what is late said as the message says it (答复已超期 N 天)').to.equal('1 条留言答复已超期，1 条留言已过受理期限')
    expect(home.has('.todo-count.hint'), 'not grey hint text').to.equal(false)
    expect(declarations('pages/index/index.wxss', '.todo-total').get('color')).to.equal('#222')
    expect(declarations('pages/index/index.wxss', '.todo-late').get('color')).to.equal(declarations('pages/deputy/case.wxss', '.late').get('color'))

    const workbench = await openPage('pages/deputy/index')
    const lines: string[] = workbench.component.querySelectorAll('.task').map((t: any) => t.dom.textContent.replace(/\s+/g, ' '))
    const lineOf = (ticket: string) => lines.find((l) => l.includes(ticket)) ?? ''
    expect(lineOf(old.ticket)).to.match(/请尽快受理并答复\s*去受理\s*新留言\s*答复已超期 \d+ 天/)
    expect(lineOf(monday.ticket)).to.match(/请尽快受理\s*去受理\s*新留言\s*已过受理期限 3 天/)
    expect(lineOf(monday.ticket), 'its answer is not due yet').not.to.include('超期')
    expect(lineOf(today.ticket)).not.to.match(/超期|已过/)
  })
})
