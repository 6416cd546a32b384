import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { phone } from './harness/wx.js'
import { follow, openPage, relaunch } from './harness/page.js'
import { created, office } from './office.js'

/**
 * 王阿姨, 72, took a public seat (公民旁听) yesterday. Today the meetings list shows it once, under 我报名旁听的会议,
 * and says 点这里查看; the page it opens must say her place, not give her the name box and 报名 again (which the office refuses
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

  it('opens the meeting from 我报名旁听的会议 and reads 您已报名旁听（王秀兰）with 返回, no name box', async () => {
    holdPhone(app, 'o-wang-ayi')
    const first = await openPage(`pages/meetings/public?meetingId=${meeting.id}`)
    await first.type('.name', '王秀兰')
    await first.tap('.register')
    first.close()

    relaunch() // the next day, the mini-program opened afresh
    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.my-registration')).to.include('点这里查看，去不了可以取消报名')
    await list.tap('.my-registration')
    const page = await follow()
    expect(page.path).to.equal('pages/meetings/public')
    expect(page.textOf('.notice')).to.equal('您已报名旁听（王秀兰）。请带好身份证，提前 15 分钟到场。')
    expect(page.text()).to.include('还剩 1 个')
    expect(page.has('.name'), 'no name box to sign up a second time').to.equal(false)
    expect(page.has('.register'), 'no 报名 button').to.equal(false)

    await page.tap('.back')
    expect(phone.navigations.at(-1)?.how).to.equal('navigateBack')
  })

  it('opens the meeting from its card after her sign-in ran out, and reads her place at once, never the form', async () => {
    // A meeting five weeks ahead: she signs up today, and her sign-in (30 days) runs out before it.
    const organizer = await office(app)
    const draft = await created(
      organizer.post('/api/admin/meetings', meetingBody({ publicSeats: 2, startAt: '2026-12-28T09:30:00+08:00', endAt: '2026-12-28T11:30:00+08:00' })),
    )
    const later = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    holdPhone(app, 'o-wang-ayi')
    const first = await openPage(`pages/meetings/public?meetingId=${later.id}`)
    await first.type('.name', '王秀兰')
    await first.tap('.register')
    first.close()

    app.clock.set(new Date('2026-12-22T01:00:00Z')) // a month on, she opens 会议 and leaves it on the screen
    relaunch()
    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.my-registration')).to.include('点这里查看，去不了可以取消报名')
    app.clock.set(new Date('2026-12-23T03:00:00Z')) // the next morning her sign-in has expired on the server
    phone.requests.length = 0
    await list.tap('.my-registration')
    const page = await follow()

    expect(page.textOf('.notice')).to.equal('您已报名旁听（王秀兰）。请带好身份证，提前 15 分钟到场。')
    expect(page.has('.name'), 'no name box to sign up a second time').to.equal(false)
    expect(page.has('.register'), 'no 报名 button').to.equal(false)
    expect(phone.requests, 'signed in again once, read once more').to.deep.equal([
      `GET /api/mp/public-meetings/${later.id}`,
      'POST /api/mp/login',
      `GET /api/mp/public-meetings/${later.id}`,
    ])
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
