import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * The Thursday 09:30 meeting, as 张伟 meets it on his workbench, in the meeting list and on its own
 * page: one way of saying the time everywhere — "11月26日（星期四）上午9:30", as the workbench and the
 * daily digest say it — not "11月26日 周四 09:30" on some pages and 上午9:30 on others.
 */
describe('mini-program: a meeting’s time reads one way on the workbench, the list and the meeting', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('11月26日（星期四）上午9:30 on all three', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody()))
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    const said = '11月26日（星期四）上午9:30'

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.task')).to.include(`${said}，市人大常委会第一会议室`)

    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.meeting')).to.include(said)

    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.text()).to.include(`时间：${said} 至 上午11:30`).and.include(`请在${said}前回复`)
    for (const page of [list, detail]) expect(page.text()).not.to.match(/周[一二三四五六日] \d\d:\d\d/)
  })
})
