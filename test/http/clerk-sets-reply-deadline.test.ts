import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

const HOUR = 3_600_000

/**
 * Review 37 § 6: 陈敏 gave a message to 朱丽华 with "请12月10日前上门看看", a note nothing checked; her page and list
 * showed only "明天到期" (受理 or 答复, and which date, in a hover), the reply deadline nowhere, and the export's 办理期限
 * was the acknowledgement's. Now both deadlines are said in words, the export names each, and 分派 takes a
 * 要求答复日期: earlier than the rules', never later, kept on the message, and the one the deputy is reminded of,
 * reported for, and counted 按时答复 by. The resident keeps the date she was told.
 */
describe('a clerk sees both deadlines in words and may ask for an earlier answer when she assigns (review 37 § 6)', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  const page = async (id: string, as = lina) => (await as.get(`/api/admin/cases/${id}`)).body
  const line = async (id: string, query = '', as = lina) => (await as.get(`/api/admin/cases${query}`)).body.items.find((c: { id: string }) => c.id === id)
  /** The list's 期限 column: its tag, and under it which deadlines and when, as the console writes them. */
  type Due = { label: string; when: string; note: string | null }
  const column = (l: { sla: { text: string }; dueDates: Due[] }) => [
    l.sla.text,
    ...l.dueDates.map((d) => `${d.label} ${d.when}${d.note ? `（${d.note}）` : ''}`),
  ]

  it('says both deadlines, holds 王芳 to the 12月10日 she was asked for, and refuses a later or impossible day in words', async () => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '建设路社区6号楼的电梯坏了两个星期，老人下不了楼', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const id = sent.body.id as string

    // Both deadlines, in words, the one due first first: no hover needed, on the page and on the list's line.
    const both = '受理期限 11月24日 10:00（明天） · 答复期限 12月14日'
    expect((await page(id)).deadlines).to.equal(both)
    // On the list, under its 明天到期: the dates, without a （明天） beside the one the tag is about.
    expect(column(await line(id))).to.deep.equal(['明天到期', '受理 11月24日 10:00', '答复 12月14日'])

    // A day the rules do not allow, a day off, a day gone, or not a date: refused in words, nothing changed.
    const refusals: Array<[unknown, string]> = [
      ['2026-12-31', '要求答复的日期不能晚于规定的答复期限（12月14日），只能要求代表提前答复。'],
      ['2026-12-05', '12月5日是休息日，请选一个工作日。'],
      ['2026-11-20', '要求答复的日期（11月20日）已经过去了，请选今天或以后的日子。'],
      ['12月10日', '要求答复日期应为 YYYY-MM-DD 格式的日期'],
    ]
    for (const [replyBy, message] of refusals) {
      const refused = await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', replyBy, fromDeputyId: 'dp0001' })
      expect(refused.status, String(replyBy)).to.equal(400)
      expect(refused.body.error).to.deep.include({ code: 'validation_failed' })
      expect(refused.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message])).to.deep.include(['body.replyBy', message])
    }
    const unchanged = await page(id)
    expect([unchanged.handledBy.deputy, unchanged.deadlines]).to.deep.equal(['张伟', both])

    // 改派 to 王芳, to answer by 12月10日.
    const given = await lina.post(`/api/admin/cases/${id}/assign`, {
      deputyId: 'dp0002',
      note: '请12月10日前上门看看',
      replyBy: '2026-12-10',
      fromDeputyId: 'dp0001',
    })
    expect(given.status, JSON.stringify(given.body)).to.equal(200)
    expect(given.body.handledBy.deputy).to.equal('王芳')
    expect(given.body.deadlines).to.equal('受理期限 11月24日 10:00（明天） · 答复期限 12月10日（分派时要求）')
    expect(given.body.timeline.at(-1)).to.include({ label: '改派', replyBy: '要求在12月10日前（含当日）答复', note: '请12月10日前上门看看' })
    expect(column(await line(id))).to.deep.equal(['明天到期', '受理 11月24日 10:00', '答复 12月10日（分派时要求）'])

    // 王芳 is told the date with the message, and her page holds her to it; the resident keeps the date she was told.
    const notices = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.assigned' })).items.filter(
      (m) => m.payload.caseId === id && m.recipientId === 'dp0002',
    )
    expect(notices.map((m) => m.payload.text)).to.have.length(1)
    expect(notices[0].payload.text).to.match(/^王芳代表，您有一条新留言 .*，请在11月24日（星期二）上午10:00前受理，并在12月10日（星期四）前（含当日）答复。$/)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.get(`/api/mp/deputy/cases/${id}`)).body.replyByText).to.equal('12月10日（星期四）前（含当日）')
    expect((await resident.get(`/api/mp/cases/${id}`)).body.replyByText).to.equal('12月14日前（含当日）')

    // She acknowledges, and lets the 10th pass: reported as late, listed overdue, and her answer on the 11th is not in time.
    expect((await wang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})).status).to.equal(200)
    app.clock.set(new Date('2026-12-11T02:00:00Z')) // Friday 10:00
    await app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // days later: a new login
    const late = await page(id)
    expect(late.deadlines).to.equal('答复期限 12月10日（已过，分派时要求）')
    expect(
      late.timeline.filter((e: { type: string }) => e.type === 'escalated'),
      'the SLA job reported it',
    ).to.have.length(1)
    expect(await line(id, '?overdue=true'), 'the overdue filter lists it').to.not.equal(undefined)
    expect(column(await line(id)), 'its tag says 已超期; the date under it no 已过 again').to.deep.equal(['已超期 1 天', '答复 12月10日（分派时要求）'])
    expect((await wang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系物业和维保单位，电梯今天修好了，我上门看过了。' })).status).to.equal(200)
    const stats = (await lina.get('/api/admin/cases/stats?groupBy=deputy')).body
    const wangRow = stats.groups.find((g: { name: string }) => g.name === '王芳')
    expect(wangRow.stats.repliedInTimeShare, 'late by the day she was asked for, though in time by the rules').to.equal(0)

    // The export: each deadline under its own name.
    const csv = (await lina.get('/api/admin/cases.csv')).body.toString('utf8').slice(1).trim().split('\r\n')
    const columns = csv[0].split(',')
    const row = csv.map((l: string) => l.split(',')).find((cells: string[]) => cells[0] === sent.body.ticket)!
    expect(row[columns.indexOf('答复期限')]).to.equal('2026-12-10 23:59')
    expect(row[columns.indexOf('受理期限')], 'acknowledged: none due').to.equal('')
  })
})
