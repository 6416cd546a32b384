import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { meetingBody } from '../test/helpers/meetings.js'
import { consultationBody } from '../test/helpers/surveys.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * Late December: the first meeting of the new year, on Monday 4 January 2027, and a consultation that opens that
 * day. Every page says the year, as the workbench and the daily digest do ("2027年1月4日（星期一）上午9:30"): a
 * "1月4日" read in December is taken for a day gone by. 张伟 reads it on his meeting list and the meeting's page;
 * 赵阿姨, 71, in 关怀模式, on the meetings she may attend (公民旁听), the one she signed up for, and the
 * consultation she is not yet able to answer.
 */
describe('mini-program: a meeting or a consultation next year names its year on every page', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-12-28T01:30:00Z')) // Monday 28 December, 09:30 in Shanghai
  })
  afterEach(() => app.close())

  const said = '2027年1月4日（星期一）上午9:30'

  it('on the deputy’s list and the meeting’s page, its start, its end and until when he may answer', async () => {
    const organizer = await office(app)
    const draft = await created(
      organizer.post('/api/admin/meetings', meetingBody({ startAt: '2027-01-04T09:30:00+08:00', endAt: '2027-01-04T11:30:00+08:00' })),
    )
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)

    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.meeting')).to.include(said)
    await list.tap('.meeting')
    const detail = await follow()
    expect(detail.data.m.id).to.equal(meeting.id)
    expect(detail.text())
      .to.include(`时间：${said} 至 上午11:30`)
      .and.match(/请在2027年1月\d+日（星期.）.+前回复/)
  })

  it('on the meetings she may attend, the one she signed up for, and a consultation that opens then', async () => {
    const organizer = await office(app)
    const draft = await created(
      organizer.post('/api/admin/meetings', meetingBody({ startAt: '2027-01-04T09:30:00+08:00', endAt: '2027-01-04T11:30:00+08:00', publicSeats: 10 })),
    )
    await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    const consultation = await created(
      organizer.post('/api/admin/surveys', consultationBody({ opensAt: '2027-01-04T09:30:00+08:00', closesAt: '2027-01-31T18:00:00+08:00' })),
    )
    await asResident(app, 'o-zhao-new-year')
    holdPhone(app, 'o-zhao-new-year')
    phone.storage.set('care.mode', 'on')

    const meetings = await openPage('pages/meetings/index')
    expect(meetings.textOf('.public-meeting')).to.include(said)
    await meetings.tap('.public-meeting')
    const seat = await follow()
    expect(seat.text()).to.include(`时间：${said} 至 上午11:30`)
    await seat.type('.name', '赵秀兰')
    await seat.tap('.register')
    await meetings.show()
    expect(meetings.textOf('.my-registration')).to.include(said)

    const early = await openPage(`pages/survey/answer?surveyId=${consultation.id}`)
    expect(early.text()).to.include(`还没有开始，${said} 起可以提意见`)
  })
})
