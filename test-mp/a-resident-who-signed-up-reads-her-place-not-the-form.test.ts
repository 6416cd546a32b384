import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { phone } from './harness/wx.js'
import { follow, openPage, relaunch } from './harness/page.js'
import { created, office } from './office.js'

/**
 * 王阿姨, 72, took a public seat (公民旁听) yesterday. Today the meetings list says 您已报名，点这里查看;
 * the page it opens must say her place, not give her the name box and 报名 again (which the office refuses
 * with 您已报名旁听此会议), and lead her back.
 */
describe('mini-program: a resident who signed up for a public seat reads her place, not the form', () => {
  let app: Backend
  let meeting: { id: string }

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ publicSeats: 2 })))
    meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
  })
  afterEach(() => app.close())

  it('opens the meeting from 您已报名 and reads 您已报名旁听（王秀兰）with 返回, no name box', async () => {
    holdPhone(app, 'o-wang-ayi')
    const first = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    await first.type('.name', '王秀兰')
    await first.tap('.register')
    first.close()

    relaunch() // the next day, the mini-program opened afresh
    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.public-meeting')).to.include('您已报名，点这里查看')
    await list.tap('.public-meeting')
    const page = await follow()
    expect(page.path).to.equal('pages/meetings/public')
    expect(page.textOf('.notice')).to.equal('您已报名旁听（王秀兰）。请带好身份证，提前 15 分钟到场。')
    expect(page.text()).to.include('还剩 1 个')
    expect(page.has('.name'), 'no name box to sign up a second time').to.equal(false)
    expect(page.has('.register'), 'no 报名 button').to.equal(false)

    await page.tap('.back')
    expect(phone.navigations.at(-1)?.how).to.equal('navigateBack')
  })

  it('opens the meeting on a phone whose sign-in has gone stale, and 报名 there leads to her place', async () => {
    holdPhone(app, 'o-wang-ayi')
    const first = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    await first.type('.name', '王秀兰')
    await first.tap('.register')
    first.close()
    // Signed out elsewhere (or a month gone by): the token this phone keeps no longer verifies.
    const { id } = phone.storage.get('session.profile') as { id: string }
    await app.liaison.services.mpSessions.revokeAll(id)

    relaunch()
    const page = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    expect(page.textOf('.title')).to.equal('市人大常委会第十次会议')
    expect(page.text()).to.include('还剩 1 个')
    await page.type('.name', '王秀兰')
    await page.tap('.register')
    expect(page.textOf('.notice')).to.equal('您已报名旁听（王秀兰）。请带好身份证，提前 15 分钟到场。')
    expect(page.has('.register'), 'no 报名 button').to.equal(false)
    expect(page.text()).not.to.include('您已报名旁听此会议')
  })

  it('still offers the form to a neighbour on her own phone', async () => {
    holdPhone(app, 'o-wang-ayi')
    const hers = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    await hers.type('.name', '王秀兰')
    await hers.tap('.register')
    hers.close()

    holdPhone(app, 'o-neighbour')
    const page = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    expect(page.text()).to.include('还剩 1 个').and.not.include('王秀兰')
    expect(page.has('.register')).to.equal(true)
  })
})
