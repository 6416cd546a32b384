import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * At the door of the 09:30 meeting (Thursday 2026-11-26): 张伟 scans the code himself; 陈静 forgot his phone and
 * the clerk records him (登记到会). The organizers' table and the sign-in sheet say how each presence was known,
 * in words: 扫码签到, 工作人员登记; and once the clerk's entry is undone, 陈静 reads 未签到 again.
 */
describe('meeting check-in: the table and the sheet say how presence was known', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('扫码签到 for a scan, 工作人员登记 for the clerk’s entry, 未签到 once it is undone', async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    let office = await asAdmin(app)
    const created = await office.post('/api/admin/meetings', meetingBody())
    const { id, shortCode } = (await office.post(`/api/admin/meetings/${created.body.id}/publish`)).body

    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40, scanning open
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${shortCode}/check-in`, {})).status).to.equal(200)
    office = await asAdmin(app)
    const chen = await office.post(`/api/admin/meetings/${id}/invitees/deputy/dp0006/entry`, { kind: 'attended', note: '没带手机，纸质签到' })
    expect(chen.status, JSON.stringify(chen.body)).to.equal(200)
    expect(chen.body).to.include({ checkedInVia: 'staff', checkedInViaLabel: '工作人员登记' })

    const table = async () =>
      Object.fromEntries(
        (await office.get(`/api/admin/meetings/${id}/invitees`)).body.items.map((i: { name: string; checkedInViaLabel: string | null }) => [
          i.name,
          i.checkedInViaLabel,
        ]),
      )
    expect(await table()).to.deep.include({ 张伟: '扫码签到', 陈静: '工作人员登记', 王芳: null })

    const sheet = ((await office.get(`/api/admin/meetings/${id}/attendance.csv`)).body as Buffer).subarray(3).toString('utf8').split('\r\n')
    const column = (name: string) => sheet.find((l) => l.startsWith(`${name},`))!.split(',')[5]
    expect(sheet[0].split(',')[5]).to.equal('签到')
    expect([column('张伟'), column('陈静'), column('王芳')]).to.deep.equal(['扫码签到', '工作人员登记', '未签到'])

    expect((await office.request('DELETE', `/api/admin/meetings/${id}/invitees/deputy/dp0006/entry`)).status).to.equal(200)
    expect(await table()).to.deep.include({ 张伟: '扫码签到', 陈静: null })
  })
})
