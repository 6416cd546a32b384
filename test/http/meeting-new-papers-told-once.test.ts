import { expect } from 'chai'
import { asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 孙丽 adds two papers to a published inspection and ticks 通知参会人员：新增会议材料 when saving. Each invitee who has
 * not asked leave gets one message naming both papers, not one per file; saving the same papers again tells nobody
 * twice; papers added without the tick stay quiet, as before; a tick with nothing new is refused in words.
 */
describe('new papers of a published meeting, told to the invitees when the organizer asks', () => {
  let app: TestApp
  let sunli: Client
  let id: string
  const PAPERS = [
    { name: '视察提纲.pdf', url: 'https://rd.example.gov.cn/files/outline.pdf' },
    { name: '马庄社区老旧小区改造情况汇报.pdf', url: 'https://rd.example.gov.cn/files/report.pdf' },
    { name: '改造现场照片说明.docx', url: 'https://rd.example.gov.cn/files/photos.docx' },
  ]
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
    sunli = await asStaff(app, 'sunli')
    const created = await sunli.post(
      '/api/admin/meetings',
      meetingBody({
        title: '马庄街道人大代表视察老旧小区改造',
        kind: 'inspection',
        place: '马庄社区党群服务中心二楼',
        attachments: [PAPERS[0]],
        selector: { deputyIds: ['dp0001', 'dp0002', 'dp0004'] },
      }),
    )
    id = created.body.id
    expect((await sunli.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'leave', reason: '外出学习' })).status).to.equal(200)
  })
  afterEach(() => app.close())

  const papersNotices = async () => (await app.liaison.store.outbox.search({ limit: 50, kind: 'meeting.papers' })).items

  it('tells each invitee not on leave once, naming every paper added', async () => {
    const saved = await sunli.patch(`/api/admin/meetings/${id}`, { attachments: PAPERS, tellNewPapers: true })
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200)
    const told = await papersNotices()
    expect(told.map((m) => m.recipientId).sort(), 'not 王芳, who asked leave').to.deep.equal(['dp0001', 'dp0004'])
    expect((told[0].payload as { text: string }).text).to.equal(
      '会议材料已更新：马庄街道人大代表视察老旧小区改造（视察调研），时间 11月26日（星期四）上午9:30至上午11:30，' +
        '新增材料《马庄社区老旧小区改造情况汇报》《改造现场照片说明》，请在小程序里打开这个会议查看。',
    )

    expect((await sunli.patch(`/api/admin/meetings/${id}`, { attachments: PAPERS, agenda: '一、察看现场' })).status).to.equal(200)
    const again = await sunli.patch(`/api/admin/meetings/${id}`, { attachments: PAPERS, tellNewPapers: true })
    expect(again.status).to.equal(422)
    expect(again.body.error).to.include({ code: 'no_new_papers', message: '这次没有新增会议材料，不用通知参会人员' })
    expect(await papersNotices(), 'nobody told twice').to.have.length(2)
  })

  it('stays quiet when the organizer does not ask, and refuses a tick in words when there is nothing to tell', async () => {
    expect((await sunli.patch(`/api/admin/meetings/${id}`, { attachments: PAPERS })).status).to.equal(200)
    expect(await papersNotices()).to.deep.equal([])

    const alone = await sunli.patch(`/api/admin/meetings/${id}`, { agenda: '一、察看现场', tellNewPapers: true })
    expect(alone.status).to.equal(400)
    expect(alone.body.error.details.map((d: { message: string }) => d.message)).to.include('通知参会人员新增材料时，请一并提交会议材料（attachments）')

    const { body: draft } = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    const early = await sunli.patch(`/api/admin/meetings/${draft.id}`, { attachments: PAPERS, tellNewPapers: true })
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({ code: 'meeting_not_published', message: '会议还没有发布，发布时会把全部会议材料一起通知参会人员' })
    expect(await papersNotices(), 'nothing sent, nothing saved').to.deep.equal([])
    expect((await sunli.get(`/api/admin/meetings/${draft.id}`)).body.attachments).to.have.length(1)
  })
})
