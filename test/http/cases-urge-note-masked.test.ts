import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

/**
 * 催办 with a note: 孙丽 pastes the resident's mobile into it. The message to 张伟 quotes her note with the number
 * masked, as a reopened message quotes the resident (case-workflow's herWords); his page says it the same way, at the
 * top and in its steps, as it does 孙丽's words when she gives him a message (给代表的话). 孙丽 reads her notes whole.
 */
describe('催办: the note quoted to the deputy is masked of phone and ID numbers', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('quotes 附言 with （已隐去） in place of the number', async () => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区垃圾好几天没人清运，臭气熏天', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    app.clock.advance(26 * HOUR)
    const urged = await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${sent.body.id}/urge`, { note: '请今天回电王阿姨13812345678' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const told = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === sent.body.id)
    expect(told).to.have.length(1)
    expect(told[0].payload.text).to.include('附言：请今天回电王阿姨（已隐去）').and.not.include('13812345678')
  })

  it("masks a clerk's note on the deputy's page as the notice does, and shows it whole to her", async () => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '楼道里堆满杂物，消防通道被堵', regionId: 'c010101', deputyCode: 'DP0002' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const id = sent.body.id as string
    const sunli = await asStaff(app, 'sunli')
    const given = await sunli.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0001', note: '业主身份证410102195003041234，请核实' })
    expect(given.status, JSON.stringify(given.body)).to.equal(200)
    app.clock.advance(26 * HOUR)
    const nextDay = await asStaff(app, 'sunli') // a new day's login
    expect((await nextDay.post(`/api/admin/cases/${id}/urge`, { note: '请今天回电王阿姨13812345678' })).status).to.equal(200)

    const page = (await (await asDeputy(app, 'dp0001')).get(`/api/mp/deputy/cases/${id}`)).body
    expect(page.urgeNote).to.match(/催办：请今天回电王阿姨（已隐去）$/)
    const notes = page.timeline.map((e: { note: string | null }) => e.note ?? '').join('\n')
    expect(notes).to.include('请今天回电王阿姨（已隐去）').and.include('业主身份证（已隐去），请核实')
    expect(JSON.stringify(page), 'no number of hers on his page').not.to.include('13812345678').and.not.include('410102195003041234')

    const hers = (await nextDay.get(`/api/admin/cases/${id}`)).body.timeline.map((e: { note: string | null }) => e.note ?? '').join('\n')
    expect(hers, 'her own notes, whole').to.include('请今天回电王阿姨13812345678').and.include('业主身份证410102195003041234，请核实')
  })
})
