import { expect } from 'chai'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, noticesSentAndRead } from '../helpers/meetings.js'

interface AuditItem {
  action: string
  actorId: string | null
  targetId: string | null
  details: Record<string, unknown>
  actorWords: string
  actionWords: string
  targetWords: string
  detailWords: string
}

/** The four columns of the 操作记录 page, as an admin reads them. */
const row = (e: AuditItem) => [e.actorWords, e.actionWords, e.targetWords, e.detailWords].join(' | ')
/** Ids (mu-…, sv-…, cs-…), codes (case.urged) or JSON: what the words must never show. */
const RAW = /\b[a-z]{2}-[0-9a-f]|\b[a-z_]+\.[a-z_]+\b|[{}"]/

/**
 * 操作记录 answers "who handed on this resident's message, and who downloaded it": 张国华 of
 * 轻工街道代表联络站 places a message 张伟 gave back with 王芳, then moves it on to 李强, and
 * downloads the station's list; 孙丽 of the district office publishes a meeting, reminds those who
 * have not answered and starts a campaign. The admin reads each as a line of words: who (name and
 * role), what, on which message or meeting, and a few words more; the codes and ids stay for programs.
 */
describe('the audit trail an admin reads: staff moves, exports and publishing, in words', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    const city = caseCity()
    city.staff.push({ id: 'sf31', name: '张国华', role: 'station_staff', stationIds: ['st001'], username: 'zhangguohua', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  const audit = async (query: string) => {
    const answer = await admin.get(`/api/admin/audit?${query}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.items as AuditItem[]
  }

  /** A message to 张伟 that he hands back to the station: it waits in 张国华's queue. */
  async function handedBack() {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '小区门口的路灯坏了半个月，晚上出门看不见路', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    const back = await zhang.post(`/api/mp/deputy/cases/${sent.body.id}/transfer`, { reason: '请站里另找熟悉市政的代表' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
    return sent.body as { id: string; ticket: string }
  }

  it("says who placed a message with which deputy and who moved it on, by name and ticket, and finds them by the message's number", async () => {
    const c = await handedBack()
    const guohua = await new Client(app.baseUrl).login('zhangguohua', STAFF_PASSWORD)
    const assigned = await guohua.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)
    const moved = await guohua.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0003', note: '李强代表更熟悉' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    const about = await audit(`ticket=${c.ticket}`)
    expect(about.map(row)).to.deep.equal([
      `张国华（联络站工作人员） | 改派留言 | 留言 ${c.ticket} | 由王芳代表改为李强代表办理`,
      `张国华（联络站工作人员） | 分派留言 | 留言 ${c.ticket} | 交王芳代表办理`,
      // How it came to wait in his queue: 张伟 gave it back, in his name.
      `张伟（人大代表） | 代表交回留言 | 留言 ${c.ticket} | 交回轻工街道代表联络站，理由：请站里另找熟悉市政的代表`,
    ])
    for (const e of about) expect(row(e), 'no id, code or JSON in the words').not.to.match(RAW)
    // The stored fields stay for programs.
    expect(about[1]).to.deep.include({ action: 'case.assigned', actorId: 'sf31', targetId: c.id })
    expect(about[1].details).to.deep.include({ ticket: c.ticket, deputyId: 'dp0002' })
    expect((await audit('action=case.reassigned')).map((e) => e.targetWords)).to.deep.equal([`留言 ${c.ticket}`])
    expect(await audit('ticket=20991231-0001'), 'a number no message has: nothing').to.deep.equal([])
    expect(await audit('ticket=20991231-10001'), "a busy day's five-digit number is a number").to.deep.equal([])
    expect((await admin.get('/api/admin/audit?ticket=0001')).status, 'not a message number').to.equal(400)
  })

  it("says who downloaded the list of residents' messages, and with which filters", async () => {
    await handedBack()
    const guohua = await new Client(app.baseUrl).login('zhangguohua', STAFF_PASSWORD)
    const csv = await guohua.get('/api/admin/cases.csv?status=submitted&q=路灯')
    expect(csv.status).to.equal(200)
    expect((csv.body as Buffer).toString('utf8'), 'the download holds the message').to.include('路灯')

    const exports = await audit('action=cases.exported')
    expect(exports.map(row)).to.deep.equal(['张国华（联络站工作人员） | 导出留言列表 | 留言列表 | 筛选：状态 待分派，查找“路灯”'])
    expect(exports[0]).to.deep.include({ actorId: 'sf31', targetId: null })
  })

  it('says which deputy handed a message on to a colleague (转交), to whom and why, found by its number', async () => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    const moved = await zhang.post(`/api/mp/deputy/cases/${sent.body.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表联系这个小区' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    const about = await audit(`ticket=${sent.body.ticket}`)
    expect(about.map(row)).to.deep.equal([`张伟（人大代表） | 代表转交留言 | 留言 ${sent.body.ticket} | 转给王芳代表办理，理由：王芳代表联系这个小区`])
    expect(row(about[0])).not.to.match(RAW)
    expect(about[0]).to.deep.include({ action: 'case.transferred', targetId: sent.body.id })
  })

  it('says which deputy handed a message back to the station (退回), in his name, with his reason and no phone number in it', async () => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '楼下的垃圾桶好几天没人清', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    const back = await zhang.post(`/api/mp/deputy/cases/${sent.body.id}/transfer`, { reason: '留言人电话13812345678打不通，请站里另派' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
    const station = (await admin.get(`/api/admin/cases/${sent.body.id}`)).body.handledBy.station as string

    const about = await audit(`ticket=${sent.body.ticket}`)
    expect(about.map(row)).to.deep.equal([
      `张伟（人大代表） | 代表交回留言 | 留言 ${sent.body.ticket} | 交回${station}，理由：留言人电话（已隐去）打不通，请站里另派`,
    ])
    expect(row(about[0])).not.to.match(RAW)
    // Masked where it is kept, not only where it is shown: the entry's own fields (the API's details) hold no number either.
    expect(JSON.stringify(about[0].details), 'the kept reason').not.to.include('13812345678')
    expect(about[0]).to.deep.include({ action: 'case.handed_back', targetId: sent.body.id })
    expect((await audit('action=case.handed_back')).map((e) => e.targetWords)).to.deep.equal([`留言 ${sent.body.ticket}`])
  })

  it("says who published a meeting, reminded those who had not answered, and started a campaign, with the meeting's title", async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const draft = await sunli.post('/api/admin/meetings', meetingBody({ title: '代表接待日', selector: { stationIds: ['st001'] } }))
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${draft.body.id}/publish`)).status).to.equal(200)
    await noticesSentAndRead(app)
    const reminded = await sunli.post(`/api/admin/meetings/${draft.body.id}/remind`)
    expect(reminded.status, JSON.stringify(reminded.body)).to.equal(200)
    const campaign = await sunli.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '每月一次',
      endsAt: '2026-12-23T10:00:00+08:00',
      audience: { stationIds: ['st001'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)

    const done = await audit('actorId=sf03')
    const invited = (await sunli.get(`/api/admin/meetings/${draft.body.id}/invitees`)).body.counts.invited
    expect(done.filter((e) => e.action !== 'login.succeeded').map(row)).to.deep.equal([
      '孙丽（人大办工作人员） | 发布学习活动 | 学习活动「学习贯彻代表法」 | ',
      `孙丽（人大办工作人员） | 提醒未回复的参会人员 | 会议「代表接待日」 | 提醒未回复的 ${reminded.body.reminded} 人`,
      `孙丽（人大办工作人员） | 发布会议 | 会议「代表接待日」 | 通知 ${invited} 人`,
    ])
    const login = done.find((e) => e.action === 'login.succeeded')!
    expect(row(login)).to.equal('孙丽（人大办工作人员） | 登录 | 本人账号 | 网络地址 127.0.0.1')
    expect((await admin.get('/api/admin/audit/actions')).body.items).to.deep.include({ code: 'meeting.published', words: '发布会议' })
  })
})
