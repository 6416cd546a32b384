import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

/**
 * 催办 with a note: 孙丽 pastes the resident's mobile into it. The message to 张伟 quotes her note with the number
 * masked, as a reopened message quotes the resident (case-workflow's herWords).
 */
describe('催办: the note quoted to the deputy is masked of phone and ID numbers', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('quotes 附言 with 〔手机号〕 in place of the number', async () => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '小区垃圾好几天没人清运，臭气熏天', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    app.clock.advance(26 * HOUR)
    const urged = await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${sent.body.id}/urge`, { note: '请今天回电王阿姨13812345678' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const told = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === sent.body.id)
    expect(told).to.have.length(1)
    expect(told[0].payload.text).to.include('附言：请今天回电王阿姨〔手机号〕').and.not.include('13812345678')
  })
})
