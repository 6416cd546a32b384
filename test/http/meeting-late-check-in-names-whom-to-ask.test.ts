import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 张伟 came to the meeting but his phone would not scan in time; he tries again after it has ended. The
 * refusal tells him whom to ask to enter him as present (补签), in words he can act on once everyone has
 * gone home: the 会务联系人 the organizer recorded with the phone, the phone alone, or the office that
 * organized it by name; never "会务工作人员", whom he can no longer find at the door.
 */
describe('meetings: a check-in after the end names whom to ask for a 补签', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  async function published(by: Client, over: Record<string, unknown> = {}) {
    const created = await by.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] }, ...over }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    return (await by.post(`/api/admin/meetings/${created.body.id}/publish`)).body as { id: string; shortCode: string }
  }
  /** 张伟 scans at 11:40, ten minutes after the 11:30 end: what he reads. */
  async function scanAfterTheEnd(shortCode: string) {
    app.clock.set(new Date('2026-11-26T03:40:00Z'))
    const late = await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${shortCode}/check-in`, {})
    expect(late.status).to.equal(409)
    expect(late.body.error.code).to.equal('check_in_closed')
    return late.body.error.message as string
  }

  it('names the contact and phone the organizer recorded', async () => {
    const m = await published(office, { contactName: '王丽', contactPhone: '0375-2345678' })
    expect(await scanAfterTheEnd(m.shortCode)).to.equal(
      '会议已于11月26日（星期四）上午11:30结束，签到已关闭。如果您到了会，请联系王丽（电话 0375-2345678）为您补签。',
    )
  })

  it('gives the phone alone when only a phone is recorded', async () => {
    const m = await published(office, { contactPhone: '13812345678' })
    expect(await scanAfterTheEnd(m.shortCode)).to.equal(
      '会议已于11月26日（星期四）上午11:30结束，签到已关闭。如果您到了会，请拨打会务电话 13812345678，请工作人员为您补签。',
    )
  })

  it('with no contact recorded, names the office that organized it', async () => {
    const district = await published(await asStaff(app, 'sunli'))
    const said = await scanAfterTheEnd(district.shortCode)
    expect(said).to.equal('会议已于11月26日（星期四）上午11:30结束，签到已关闭。如果您到了会，请联系组织会议的湛河区人大常委会办公室为您补签。')
    expect(said).not.to.include('会务工作人员')
  })
})
