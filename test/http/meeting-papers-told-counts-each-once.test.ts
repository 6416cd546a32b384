import { expect } from 'chai'
import { startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 孙丽 adds 《情况汇报》 to a published inspection and ticks 通知参会人员: both invitees are told, and she reads 2. She
 * then takes the paper out by mistake and puts it back, ticking again: nobody is told twice, and she must not read
 * that the notice is going to 2 people when it goes to nobody.
 */
describe('papersTold counts each invitee told once', () => {
  let app: TestApp
  let sunli: Client
  const OUTLINE = { name: '视察提纲.pdf', url: 'https://rd.example.gov.cn/files/outline.pdf' }
  const REPORT = { name: '情况汇报.pdf', url: 'https://rd.example.gov.cn/files/report.pdf' }
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())

  it('says none are told when the same papers were told to all of them before', async () => {
    const created = await sunli.post(
      '/api/admin/meetings',
      meetingBody({ title: '马庄社区老旧小区改造视察', kind: 'inspection', attachments: [OUTLINE], selector: { deputyIds: ['dp0001', 'dp0004'] } }),
    )
    const id = created.body.id
    expect((await sunli.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)

    const first = await sunli.patch(`/api/admin/meetings/${id}`, { attachments: [OUTLINE, REPORT], tellNewPapers: true })
    expect(first.status, JSON.stringify(first.body)).to.equal(200)
    expect(first.body.papersTold).to.equal(2)

    expect((await sunli.patch(`/api/admin/meetings/${id}`, { attachments: [OUTLINE] })).status).to.equal(200)
    const again = await sunli.patch(`/api/admin/meetings/${id}`, { attachments: [OUTLINE, REPORT], tellNewPapers: true })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body.papersTold, 'both were told these papers already').to.equal(0)
    const told = (await app.liaison.store.outbox.search({ limit: 50, kind: 'meeting.papers' })).items
    expect(told.map((m) => m.recipientId).sort()).to.deep.equal(['dp0001', 'dp0004'])
  })
})
