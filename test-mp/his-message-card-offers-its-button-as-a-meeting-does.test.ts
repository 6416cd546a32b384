import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 刘代表, 58, between meetings: every card of 我的待办 had a red button but his messages, so he tapped the meeting's
 * 回复是否参加 and not the message waiting on him. A message's card has its button too: 去受理 for a new one, 去答复
 * once he has taken it on.
 */
describe('mini-program: his message card offers its button, as a meeting card does', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string) => created((await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
  const card = (page: MpPage, words: string) => page.component.querySelectorAll('.task').find((t: any) => String(t.dom.textContent).includes(words))
  const buttonOf = (page: MpPage, words: string) => String(card(page, words)?.dom.querySelector('wx-button')?.textContent ?? '').trim()

  it('去受理 on a new message, 去答复 on one he took on, beside a meeting’s 回复是否参加', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    const fresh = await write('小区门口的垃圾好几天没人清运')
    const taken = await write('楼道里的扶手断了')
    const zhang = await phoneOfZhang(app)
    expect((await zhang.post(`/api/mp/deputy/cases/${taken.id}/acknowledge`, {})).status).to.equal(200)

    const workbench = await openPage('pages/deputy/index')
    expect(buttonOf(workbench, '市人大常委会第十次会议')).to.equal('回复是否参加')
    expect(buttonOf(workbench, fresh.ticket)).to.equal('去受理')
    expect(buttonOf(workbench, taken.ticket)).to.equal('去答复')
  })
})
