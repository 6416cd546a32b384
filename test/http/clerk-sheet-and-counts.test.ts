import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { linaOnMonday } from '../helpers/lina-on-monday.js'

/**
 * 李娜, a station clerk (review 31), works from the list, its export and 工作概览: what she reads there
 * about a merged message, the department's 文号, a building number and the deadlines must be true and usable.
 */
describe("a clerk's list, export and overview (review 31)", () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  async function written(text: string, deputyCode?: string) {
    const resident = await asResident(app)
    const c = await resident.post('/api/mp/cases', { text, regionId: 'c010101', ...(deputyCode ? { deputyCode } : {}) })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    return { id: c.body.id as string, ticket: c.body.ticket as string }
  }
  /** The export as rows of cells (no cell here holds a comma or a quote). */
  async function sheet() {
    const csv = await lina.get('/api/admin/cases.csv')
    expect(csv.status).to.equal(200)
    const [header, ...lines] = (csv.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')
    const columns = header.split(',')
    return { columns, rows: lines.map((l) => Object.fromEntries(l.split(',').map((cell, i) => [columns[i], cell]))) }
  }

  it('names the deputy of the message a merged one joined, in the list and the export, and counts it for no deputy (F13)', async () => {
    const carrier = await written('小区门口的广场舞音响太大声，每天晚上九点多还在放', 'DP0002') // 王芳
    const merged = await written('广场上晚上跳舞声音太吵了，九点以后还很响', 'DP0001') // 张伟
    await written('小区东门的路灯坏了三盏', 'DP0001') // 张伟's own
    expect((await lina.post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
    const handling = `王芳代表（随留言 ${carrier.ticket} 办理）`

    expect((await lina.get(`/api/admin/cases/${merged.id}`)).body.mergedHandling.text, 'the case page, as before').to.equal(handling)
    const line = (await lina.get('/api/admin/cases')).body.items.find((c: { id: string }) => c.id === merged.id)
    expect([line.deputyName, line.handledAlong.text], 'the list, in two lines').to.deep.equal(['王芳', `随 ${carrier.ticket} 办理`])
    const { rows } = await sheet()
    expect(rows.find((r) => r['留言编号'] === merged.ticket)!['代表'], 'the export').to.equal(handling)

    // 工作概览 各位代表的办理情况: 张伟 received his own one; the merged one is counted once, as 王芳's message.
    const bars = (await lina.get('/api/admin/dashboard/cases')).body.responsiveness.deputy as Array<{ name: string; total: number }>
    expect(bars.map((b) => [b.name, b.total])).to.deep.equal([
      ['王芳', 1],
      ['张伟', 1],
    ])
    // 统计分析 按代表, from the kept counts and, with a period chosen, counted from the cases: the same rule.
    const admin = await asAdmin(app)
    const ranking = async (query: string) =>
      ((await admin.get(`/api/admin/cases/stats?groupBy=deputy${query}`)).body.groups as Array<{ name: string; stats: { total: number } }>)
        .map((g) => [g.name, g.stats.total])
        .sort()
    const each = [
      ['张伟', 1],
      ['王芳', 1],
    ]
    expect(await ranking('')).to.deep.equal(each)
    expect(await ranking(`&from=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`)).to.deep.equal(each)
  })

  it("shows the department's 文号 where the case page shows the forwarding (F4)", async () => {
    const c = await written('3号楼电梯维保不到位，一个月坏了三次', 'DP0001')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const forwarded = await zhang.post(`/api/mp/deputy/cases/${c.id}/forward`, {
      department: '澜江区住房和城乡建设局',
      reference: '澜住建〔2026〕88号',
      note: '电梯维保问题请住建局督促物业',
    })
    expect(forwarded.status, JSON.stringify(forwarded.body)).to.equal(200)
    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    const step = page.timeline.find((e: { type: string }) => e.type === 'forwarded')
    expect(step).to.deep.include({ label: '转交部门', department: '澜江区住房和城乡建设局', reference: '澜住建〔2026〕88号' })
  })

  it('keeps a building number in the export, and masks a street address with its door (F12)', async () => {
    const c = await written('建设路社区3号楼电梯三天两头坏，我母亲住和平路8号2单元302室，电话13912345678')
    const { rows } = await sheet()
    const text = rows.find((r) => r['留言编号'] === c.ticket)!['留言内容']
    expect(text).to.equal('建设路社区3号楼电梯三天两头坏，我母亲住和平路（门牌号已隐去），电话（已隐去）')
  })

  it('keeps the building number in 热点问题 (F12)', async () => {
    for (const text of [
      '建设路社区3号楼电梯又坏了，老人上不去楼，请尽快修电梯',
      '建设路社区3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了',
      '建设路社区3号楼电梯坏了没人修，老人只能在楼下等，太难了',
      '建设路社区3号楼电梯又坏了，老人上不去楼，求求代表帮忙催一下修电梯',
      '建设路社区3号楼电梯坏了好几天，老人腿脚不便上不去楼',
    ]) {
      await written(text)
      app.clock.advance(3 * 3600_000)
    }
    // Hours later: she logs in again.
    const hot = await (await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)).get('/api/admin/analysis/hot-issues')
    expect(hot.status, JSON.stringify(hot.body)).to.equal(200)
    expect(hot.body.issues).to.have.length(1)
    expect(hot.body.issues[0].description).to.include('建设路社区3号楼').and.not.include('（门牌号已隐去）')
  })

  it('writes the deadline with its year as a spreadsheet sorts it, and says when 期限提示 was counted (F16)', async () => {
    const waiting = await written('公园的长椅坏了两张', 'DP0001')
    const answering = await written('小区东门的路灯坏了三盏', 'DP0001')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${answering.id}/acknowledge`, {})).status).to.equal(200)
    const { columns, rows } = await sheet()
    expect(columns).to.deep.equal([
      '留言编号',
      '提交时间',
      '状态',
      '期限提示（导出时 2026-11-23 10:00）',
      // Each deadline under its own name (review 37 § 6: one 办理期限 column held the acknowledgement's).
      '受理期限',
      '答复期限',
      '主题',
      '地点',
      '联络站或人大办',
      '代表',
      '承办部门',
      '答复时间',
      '答复内容',
      '满意度（1–5）',
      '留言内容',
    ])
    const of = (ticket: string) => rows.find((r) => r['留言编号'] === ticket)!
    // To acknowledge: a time of day, one working day on. To answer: the end of a working day, written as its last minute.
    expect(of(waiting.ticket)).to.include({ '期限提示（导出时 2026-11-23 10:00）': '明天到期', 受理期限: '2026-11-24 10:00' })
    expect(of(waiting.ticket)['答复期限']).to.match(/^2026-12-\d{2} 23:59$/)
    expect(of(answering.ticket)['受理期限'], 'acknowledged: no acknowledgement is due').to.equal('')
    expect(of(answering.ticket)['答复期限']).to.match(/^2026-12-\d{2} 23:59$/)
  })
})
