import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * Past the reply deadline a deputy who cannot come is told whom to call: the 会务联系人 and phone the organizer
 * recorded on the meeting, or, with none recorded, the office that organized it by name. The contact is checked
 * as it is typed: a name alone reaches nobody, and a phone must be one.
 */
describe('meetings: whom a deputy calls after the reply deadline', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const DEADLINE = { rsvpDeadline: '2026-11-25T18:00:00+08:00' }
  async function published(by: Client, over: Record<string, unknown> = {}) {
    const created = await by.post('/api/admin/meetings', meetingBody({ ...DEADLINE, ...over }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    return (await by.post(`/api/admin/meetings/${created.body.id}/publish`)).body as { id: string; contactName: string | null; contactPhone: string | null }
  }
  /** 张伟 asks for leave the evening after the deadline: what he is told. */
  async function lateLeave(meetingId: string) {
    app.clock.set(new Date('2026-11-25T12:00:00Z'))
    const late = await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${meetingId}/rsvp`, { response: 'leave', reason: '临时出差' })
    expect(late.status).to.equal(409)
    return late.body.error.message as string
  }

  it('names the contact and phone the organizer recorded', async () => {
    const m = await published(office, { contactName: '王丽', contactPhone: '0375-2345678' })
    expect(m).to.include({ contactName: '王丽', contactPhone: '0375-2345678' })
    expect(await lateLeave(m.id)).to.equal('回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系王丽（电话 0375-2345678）')
  })

  it('gives the phone alone when only a phone is recorded, after a correction', async () => {
    const m = await published(office, { contactName: '王丽', contactPhone: '0375-2345678' })
    const corrected = await office.patch(`/api/admin/meetings/${m.id}`, { contactName: '', contactPhone: '13812345678' })
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(200)
    expect(corrected.body).to.include({ contactName: null, contactPhone: '13812345678' })
    expect(await lateLeave(m.id)).to.equal('回复已于11月25日（星期三）晚上6:00截止，如需请假，请拨打会务电话 13812345678')
  })

  it('with no contact recorded, names the office that organized it', async () => {
    const sunli = await asStaff(app, 'sunli')
    const district = await published(sunli, { selector: { deputyIds: ['dp0001'] } })
    const city = await published(office)
    expect(await lateLeave(district.id)).to.equal('回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系组织会议的湛河区人大常委会办公室')
    expect(await lateLeave(city.id)).to.equal('回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系组织会议的市人大常委会办公室')
  })

  it('refuses a name without a phone, and a phone that is not one, creating or changing nothing', async () => {
    const before = (await office.get('/api/admin/meetings')).body.items.length
    const nameOnly = await office.post('/api/admin/meetings', meetingBody({ contactName: '王丽' }))
    expect(nameOnly.status).to.equal(422)
    expect(nameOnly.body.error).to.deep.include({ code: 'contact_without_phone', message: '填写了会务联系人，请同时填写联系电话' })
    expect(nameOnly.body.error.details).to.deep.equal([{ path: 'body.contactPhone', message: '请填写会务联系人的电话' }])
    const badPhone = await office.post('/api/admin/meetings', meetingBody({ contactPhone: '找王丽' }))
    expect(badPhone.status).to.equal(400)
    expect(badPhone.body.error.details).to.deep.equal([{ path: 'body.contactPhone', message: '联系电话应为手机号或带区号的座机号，如 0375-2345678' }])
    expect((await office.get('/api/admin/meetings')).body.items.length, 'nothing created').to.equal(before)

    const m = await published(office, { contactName: '王丽', contactPhone: '0375-2345678' })
    const dropPhone = await office.patch(`/api/admin/meetings/${m.id}`, { contactPhone: null })
    expect(dropPhone.status).to.equal(422)
    expect((await office.get(`/api/admin/meetings/${m.id}`)).body, 'unchanged').to.include({ contactName: '王丽', contactPhone: '0375-2345678' })
  })
})
