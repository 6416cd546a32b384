import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 张伟 (60+) opens 我的待办 in the morning. Each line says once how late a message is
 * ("已过受理期限 2 天", not "【已过受理期限】已过受理期限 2 天"), where it stands in his words (新留言, not the
 * office's 已分派), and a meeting says the day he goes to it and that he has not answered yet —
 * not "还有 3 天到期", as if the meeting were a deadline. A message says what to do and by when in one line
 * ("请在11月24日（星期二）上午10:00前受理，明天到期"): "请受理 新留言 明天到期" left him asking what was due.
 */
describe('mini-program: a deputy reads 我的待办 in his own words', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string) => created((await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))

  it('says how late a message is once, and where it stands as 新留言, not 已分派', async () => {
    const late = await write('小区门口的垃圾好几天没人清运')
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00: the acknowledgement was due on Tuesday
    const today = await write('楼道里的扶手断了')
    app.clock.set(new Date('2026-11-25T23:00:00Z')) // Thursday 07:00: the second is due at 10:00 today
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    const lines: string[] = workbench.component.querySelectorAll('.task').map((t: any) => t.dom.textContent.replace(/\s+/g, ' '))
    const lineOf = (ticket: string) => lines.find((l) => l.includes(ticket)) ?? ''
    expect(lineOf(late.ticket)).to.match(/请尽快受理\s*去受理\s*新留言\s*已过受理期限 2 天/)
    expect(lineOf(today.ticket)).to.match(/请在11月26日（星期四）上午10:00前受理\s*去受理\s*新留言\s*今天到期/)
    const all = workbench.text()
    expect(all, 'the deadline once, without a 【】 mark saying it again').not.to.include('【')
    expect(all.match(/今天到期/g)).to.have.length(1)
    expect(all, "the office's word for a message given to him").not.to.include('已分派')
  })

  it('says what to do with a message and by when, and the days left, in one line', async () => {
    const fresh = await write('小区门口的垃圾好几天没人清运')
    const taken = await write('楼道里的扶手断了')
    const zhang = await phoneOfZhang(app)
    expect((await zhang.post(`/api/mp/deputy/cases/${taken.id}/acknowledge`, {})).status).to.equal(200)

    const workbench = await openPage('pages/deputy/index')
    const row = (ticket: string) => workbench.component.querySelectorAll('.task').find((t: any) => t.dom.textContent.includes(ticket))
    const words = (ticket: string, name: string) =>
      String(row(ticket).dom.querySelector(`[class~="${name}"], [class~="main--${name}"]`)?.textContent ?? '').trim()
    expect(words(fresh.ticket, 'todo')).to.equal('请在11月24日（星期二）上午10:00前受理，明天到期')
    expect(words(taken.ticket, 'todo')).to.equal('请在12月14日（星期一）前（含当日）答复，还有 21 天到期')
    for (const ticket of [fresh.ticket, taken.ticket]) {
      // The act and the days said once, in that line: no bare 请受理 or 明天到期 beside the state.
      expect(words(ticket, 'label'), 'no bare act').to.equal('')
      expect(row(ticket).dom.textContent.match(/到期/g), 'the days left once').to.have.length(1)
    }
    expect(words(fresh.ticket, 'state')).to.equal('新留言')
    expect(words(taken.ticket, 'state')).to.equal('已受理')
    // What he opens the page for comes first: the box to set up notices and the chat under his to-do list.
    const all = workbench.text()
    const setup = workbench.textOf('.notices')
    expect(setup).to.include('绑定微信聊天')
    expect(all.indexOf(setup.slice(0, 8)), 'the setup box under his messages').to.be.above(all.indexOf(taken.ticket))
  })

  it('says when a meeting is and that he has not answered, not that it is due', async () => {
    const organizer = await office(app)
    // Thursday 09:30; answers close on Wednesday at 17:00.
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-25T17:00:00+08:00' })))
    await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    const meeting = workbench.textOf('.task')
    expect(meeting).to.include('市人大常委会第十次会议').and.include('11月26日（星期四）上午9:30，市人大常委会第一会议室')
    expect(meeting).to.include('请在11月25日（星期三）下午5:00前回复').and.include('3天后开会')
    // That day is a line of its own, worded from the server's day alone (rsvpByText), not cut out of its sentence.
    const todo = workbench.component.querySelector('.task').dom.querySelector('[class~="todo"], [class~="main--todo"]')
    expect(String(todo?.textContent ?? '').trim()).to.equal('请在11月25日（星期三）下午5:00前回复')
    expect(meeting, 'a meeting is not a deadline').not.to.include('到期')
    // What to do is a button, as a paper's is; its kind is not run into the line beside it.
    const button = workbench.component.querySelector('.task').dom.querySelector('wx-button')
    expect(String(button?.textContent ?? '').trim()).to.equal('回复是否参加')
    expect(meeting).not.to.include('常委会会议').and.not.include('还未回复是否参加')

    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
    await workbench.show()
    expect(workbench.textOf('.task')).to.include('明天开会')
  })

  it('says 今天开会 on the day, when answers close at the start', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    app.clock.set(new Date('2026-11-25T23:30:00Z')) // Thursday 07:30
    await phoneOfZhang(app)

    const meeting = (await openPage('pages/deputy/index')).textOf('.task')
    expect(meeting).to.include('11月26日（星期四）上午9:30').and.include('回复是否参加').and.include('今天开会')
    expect(meeting, 'no other deadline than the meeting itself').not.to.include('前回复').and.not.include('到期')
  })
})
