import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { MONDAY_10AM } from '../helpers/lina-on-monday.js'
import { CaseInbox, EXPORT_PAGE_SIZE } from '../../src/services/cases/case-inbox.js'
import { DirectoryCache } from '../../src/services/directory/directory-cache.js'
import type { StaffPrincipal } from '../../src/services/accounts/principal.js'
import type { CaseQuery, Store } from '../../src/store/ports.js'

const DAY = 86_400_000

/** What the console reads beyond the case API: inbox lines in words, the export, the deputy picker, the dashboard. */
const ADMIN: StaffPrincipal = { kind: 'staff', id: 'admin', name: '管理员', username: 'admin', role: 'admin', stationIds: [], regionIds: [], unitIds: [] }

describe("the console's case endpoints", () => {
  let app: TestApp
  let resident: Awaited<ReturnType<typeof asResident>>
  let lina: Client
  const submit = async (text: string, regionId = 'c010101') => (await resident.post('/api/mp/cases', { text, regionId })).body.id as string
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    // A working Monday: the acknowledgement is due in 24 hours of working time, and on the eve of 国庆 or 春节 five
    // days at the wall clock pass none of it, so 未按时受理 below would not be true yet.
    app.clock.set(MONDAY_10AM)
    resident = await asResident(app)
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
  })
  afterEach(() => app.close())
  /** The console's inbox over this app's store, built as services/index.ts builds it, with what a test changes. */
  const inboxWith = (over: Partial<ConstructorParameters<typeof CaseInbox>[0]> = {}) => {
    const { store, services } = app.liaison
    return new CaseInbox({
      store,
      queries: services.caseQueries,
      directory: new DirectoryCache(store),
      clock: app.clock,
      timeZone: 'Asia/Shanghai',
      audit: services.audit,
      ...over,
    })
  }

  it('lists cases with station and deputy names, the deadline in words, and similar messages', async () => {
    const first = await submit('建设路小区门口的路灯坏了，晚上很黑')
    await submit('建设路小区门口路灯坏了好几天，晚上看不见')
    let list = await lina.get('/api/admin/cases')
    expect(list.status).to.equal(200)
    const line = list.body.items.find((c: { id: string }) => c.id === first)
    // It counts the messages alike in words and says so: the case page's 相似留言 may list more (热点问题's).
    expect(line).to.include({ stationName: '轻工街道代表联络站', similarCount: 1, similarLabel: '内容相近 1 条' })
    expect(line.deputyName).to.be.a('string').and.not.equal('')
    expect(line.sla).to.include({ step: 'acknowledge' })
    expect(line.sla.text).to.match(/到期|还有/)

    app.clock.advance(5 * DAY)
    await lina.login('lina', STAFF_PASSWORD) // the session of five days ago has ended
    // Only its acknowledgement is late: 已超期 is said of the reply deadline (答复期限) alone, and 只看已超期 lists it not;
    // 只看未按时受理 does, with the badge that says so.
    list = await lina.get('/api/admin/cases?overdue=true')
    expect(
      list.body.items.map((c: { id: string }) => c.id),
      '只看已超期',
    ).not.to.include(first)
    list = await lina.get('/api/admin/cases?ackLate=true')
    const late = list.body.items.find((c: { id: string }) => c.id === first)
    expect(late.sla).to.include({ tone: 'ack_late', text: '未按时受理', step: 'acknowledge' })
    app.clock.advance(25 * DAY)
    await lina.login('lina', STAFF_PASSWORD)
    list = await lina.get('/api/admin/cases?overdue=true')
    const unanswered = list.body.items.find((c: { id: string }) => c.id === first)
    expect(unanswered.sla).to.include({ tone: 'overdue', step: 'reply' })
    expect(unanswered.sla.text).to.match(/^已超期 \d+ 天$/)
    expect(
      (await lina.get('/api/admin/cases?ackLate=true')).body.items.map((c: { id: string }) => c.id),
      'never both',
    ).not.to.include(first)
  })

  it('reads each community’s recent messages once for a page of the inbox, not once per line', async () => {
    for (const n of [1, 2, 3, 4]) await submit(`建设路小区门口的路灯坏了第${n}天，晚上很黑`)
    await submit('马庄社区菜市场门口垃圾堆放没人清运', 'c010201')
    const cases = app.liaison.store.cases
    const original = cases.recentInCommunity.bind(cases)
    const asked: string[] = []
    cases.recentInCommunity = (communityId, since) => {
      asked.push(communityId)
      return original(communityId, since)
    }
    const list = await (await asAdmin(app)).get('/api/admin/cases')
    const counts = list.body.items.map((c: { similarCount: number }) => c.similarCount).sort()
    expect(counts).to.deep.equal([0, 3, 3, 3, 3])
    expect(asked.sort()).to.deep.equal(['c010101', 'c010201'])
  })

  it('filters by open, latest rating and district, and refuses a bad rating in words', async () => {
    const rated = await submit('垃圾桶满了没人清')
    await submit('路面有坑')
    const deputy = await asDeputy(app, (await lina.get(`/api/admin/cases/${rated}`)).body.deputyId)
    await deputy.post(`/api/mp/deputy/cases/${rated}/reply`, { text: '已联系环卫清运' })
    await resident.post(`/api/mp/cases/${rated}/rate`, { rating: 5 })
    const ids = async (query: string) => (await lina.get(`/api/admin/cases?${query}`)).body.items.map((c: { id: string }) => c.id)
    expect(await ids('rating=5')).to.deep.equal([rated])
    expect(await ids('open=true'))
      .to.have.length(1)
      .and.not.include(rated)
    expect(await ids('districtId=d02')).to.deep.equal([])
    const bad = await lina.get('/api/admin/cases?rating=9')
    expect(bad.status).to.equal(400)
    expect(JSON.stringify(bad.body.error.details)).to.include('评分应为 1–5 的整数')
  })

  it('"导出当前列表" writes exactly the filtered cases to a spreadsheet with a BOM, formulas made harmless', async () => {
    const wanted = await submit('=HYPERLINK("http://x") 小区路灯坏了')
    await submit('学校门口交通拥堵', 'c010201')
    const ticket = (await lina.get(`/api/admin/cases/${wanted}`)).body.ticket
    const sheet = await lina.get('/api/admin/cases.csv?stationId=st001')
    expect(sheet.status).to.equal(200)
    expect(sheet.headers.get('content-type')).to.match(/^text\/csv/)
    expect(sheet.headers.get('content-disposition')).to.include('attachment')
    const bytes = sheet.body as Buffer
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines[0]).to.match(
      /^留言编号,提交时间,状态,期限提示（导出时 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）,受理期限,答复期限,主题,地点,联络站或人大办,代表,承办部门,答复时间,答复内容,满意度（1–5）,留言内容$/,
    )
    expect(lines).to.have.length(2)
    expect(lines[1]).to.include(ticket).and.include('轻工街道代表联络站').and.include(`"'=HYPERLINK`)

    // Station staff export their station only, whatever they ask for; a bad filter changes nothing and says why.
    const wangwu = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    expect((await wangwu.get('/api/admin/cases.csv')).body.toString('utf8').trim().split('\r\n')).to.have.length(1)
    const bad = await lina.get('/api/admin/cases.csv?from=yesterday')
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')
  })

  it('"导出当前列表" keeps residents\' phone and ID numbers out of the sheet, as hot issues and the weekly report do', async () => {
    await submit('我是张三，电话13912345678，身份证410402199001011234，小区路灯坏了')
    const sheet = await lina.get('/api/admin/cases.csv?stationId=st001')
    expect(sheet.status).to.equal(200)
    const text = (sheet.body as Buffer).toString('utf8')
    expect(text).to.include('小区路灯坏了').and.include('（已隐去）').and.include('（已隐去）')
    expect(text).not.to.include('13912345678')
    expect(text).not.to.include('410402199001011234')
    expect(text).not.to.include('张三')
  })

  it('"导出当前列表" streams the whole list, read page by page, each case once and in the list\'s order', async () => {
    for (const [i, text] of ['路灯坏了', '垃圾没人清', '路面有坑', '噪音扰民', '井盖松动'].entries()) {
      await submit(text)
      app.clock.advance(60_000 * (i + 1))
    }
    // Streamed as it is read: sent in chunks, with no length known in advance (a whole-list string would have one).
    const sheet = await lina.get('/api/admin/cases.csv')
    expect(sheet.status).to.equal(200)
    expect(sheet.headers.get('content-length')).to.equal(null)
    expect(sheet.headers.get('transfer-encoding')).to.equal('chunked')
    const tickets = (sheet.body as Buffer)
      .toString('utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0])

    // Pages of two: the same cases as the console's list, in its order, none twice.
    const inbox = inboxWith({ exportPageSize: 2 })
    for (const order of ['newest', 'due'] as const) {
      const listed = (await (await asAdmin(app)).get(`/api/admin/cases?limit=50&order=${order}`)).body.items.map((c: { ticket: string }) => c.ticket)
      const exported: string[] = []
      for await (const row of await inbox.export(ADMIN, {}, order)) exported.push(row.case.ticket)
      expect(exported, order).to.deep.equal(listed).and.have.length(5)
      if (order === 'newest') expect(tickets).to.deep.equal(listed)
    }
  })

  it('lets the server answer others while a long list is exported: the export gives way between pages', async () => {
    for (const text of ['路灯坏了', '垃圾没人清', '路面有坑', '噪音扰民', '井盖松动']) await submit(text)
    const inbox = inboxWith({ exportPageSize: 2 })
    // Another request's turn: anything waiting on the event loop (a request, a timer, the collector).
    let othersServed = false
    setImmediate(() => (othersServed = true))
    const servedBeforeEachLine: boolean[] = []
    for await (const _row of await inbox.export(ADMIN, {})) servedBeforeEachLine.push(othersServed)
    // The first page goes out at once; by the last page the others have had their turn.
    expect(servedBeforeEachLine).to.have.length(5)
    expect(servedBeforeEachLine.at(-1)).to.equal(true)
  })

  it('puts a download on record before its first line, so one stopped midway is on record too', async () => {
    for (const text of ['路灯坏了', '垃圾没人清', '路面有坑']) await submit(text)
    const inbox = inboxWith({ exportPageSize: 2 })
    const exports = async () =>
      (await (await asAdmin(app)).get('/api/admin/audit?action=cases.exported')).body.items.map((e: { detailWords: string }) => e.detailWords)
    // The person closes the page after the first line: the stream stops reading.
    for await (const _row of await inbox.export(ADMIN, { stationId: 'st001' })) break
    expect(await exports()).to.deep.equal(['筛选：联络站 轻工街道代表联络站'])
  })

  it('reads the directory once for a whole export, however long the download outlives the cache', async () => {
    for (const text of ['路灯坏了', '垃圾没人清', '路面有坑', '噪音扰民', '井盖松动']) await submit(text)
    const { store } = app.liaison
    let directoryReads = 0
    // The store cannot tell (null): the cache goes by time alone, as with Mongo.
    const counted = {
      directory: { snapshot: () => (directoryReads++, store.directory.snapshot()), changedElsewhereMark: async () => null },
    } as unknown as Store
    // A cache that is stale at once: every page of the export would read the directory again.
    const inbox = inboxWith({ directory: new DirectoryCache(counted, 0), exportPageSize: 2 })
    const stations: Array<string | null> = []
    for await (const row of await inbox.export(ADMIN, {})) stations.push(row.stationName)
    expect(stations)
      .to.have.length(5)
      .and.satisfy((names: string[]) => names.every((n) => n && n.length > 0))
    expect(directoryReads).to.equal(1)
  })

  it('exports in small pages, so a long download keeps little of the list in memory at a time', async () => {
    for (const text of ['路灯坏了', '垃圾没人清', '路面有坑']) await submit(text)
    const { store } = app.liaison
    const limits: number[] = []
    const spied = { ...store, cases: { ...store.cases, search: (q: CaseQuery) => (limits.push(q.limit), store.cases.search(q)) } } as Store
    const inbox = inboxWith({ store: spied })
    let lines = 0
    for await (const _row of await inbox.export(ADMIN, {})) lines++
    expect(lines).to.equal(3)
    expect(limits).to.not.be.empty
    expect(Math.max(...limits))
      .to.be.at.most(EXPORT_PAGE_SIZE)
      .and.at.most(50)
  })

  it("offers deputies by name with their open cases and topics, only within the caller's scope", async () => {
    const id = await submit('河道有垃圾，污染环境')
    const choices = await lina.get(`/api/admin/cases/${id}/deputy-choices`)
    expect(choices.status).to.equal(200)
    const names = choices.body.items.map((d: { name: string }) => d.name)
    expect(names).to.include.members(['张伟', '王芳', '李强'])
    expect(names).not.to.include('刘洋') // another station's deputy
    const zhang = choices.body.items.find((d: { name: string }) => d.name === '张伟')
    expect(zhang).to.include({ topical: true, levelLabel: '市人大代表' })
    expect(zhang.openCases).to.be.a('number')
    expect((await lina.get(`/api/admin/cases/${id}/deputy-choices?q=王`)).body.items.map((d: { name: string }) => d.name)).to.deep.equal(['王芳'])

    const wangwu = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    const refused = await wangwu.get(`/api/admin/cases/${id}/deputy-choices`)
    expect(refused.status).to.equal(404)
    expect(refused.body.error.message).to.equal('留言不存在')
  })

  it('says beside a deputy who just handed this message back that she did, with her reason, and lists her last, not recommended', async () => {
    const id = await submit('河道有垃圾，污染环境')
    const held = (await lina.get(`/api/admin/cases/${id}`)).body
    const zhangId = held.deputyId as string
    const before = (await lina.get(`/api/admin/cases/${id}/deputy-choices`)).body.items
    const zhangBefore = before.find((d: { id: string }) => d.id === zhangId)
    expect(zhangBefore).to.include({ name: '张伟', topical: true, recommended: true, handedBack: null })

    const zhang = await asDeputy(app, zhangId)
    const back = await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '这段时间在外地学习，请站里另派代表' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)

    const after = (await lina.get(`/api/admin/cases/${id}/deputy-choices`)).body.items
    const names = after.map((d: { name: string }) => d.name)
    expect(names.at(-1)).to.equal('张伟')
    expect(after.at(-1)).to.include({ topical: true, recommended: false })
    expect(after.at(-1).handedBack).to.include({ note: '这段时间在外地学习，请站里另派代表', text: '刚把这条留言交回：这段时间在外地学习，请站里另派代表' })
    for (const other of after.slice(0, -1)) expect(other.handedBack, other.name).to.equal(null)

    // Placed with 王芳 since, it is no longer why the message waits: the day she handed it back is said instead.
    const wang = after.find((d: { name: string }) => d.name === '王芳')
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: wang.id })).status).to.equal(200)
    const later = (await lina.get(`/api/admin/cases/${id}/deputy-choices?q=张`)).body.items
    expect(later[0].handedBack.text).to.equal('今天曾把这条留言交回：这段时间在外地学习，请站里另派代表')
    expect(later[0]).to.include({ recommended: false })
  })

  it('gives organizers a dashboard whose every figure names the filters listing its cases; station staff see only their station', async () => {
    await submit('路灯坏了')
    await submit('新华社区停车难', 'c020101')
    const admin = await asAdmin(app)
    const board = await admin.get('/api/admin/dashboard/cases')
    expect(board.status).to.equal(200)
    expect(board.body.today.new.count).to.equal(2)
    expect(board.body.today.open).to.deep.equal({ count: 2, filters: { open: 'true' } })
    expect(board.body.weeks).to.have.length(8)
    expect(board.body.weeks[7].count).to.equal(2)
    const station = board.body.responsiveness.station.find((b: { name: string }) => b.name === '轻工街道代表联络站')
    expect(station).to.include({ total: 1 })
    expect(station.filters).to.deep.equal({ stationId: 'st001' })
    const listed = await admin.get(`/api/admin/cases?${new URLSearchParams(station.filters)}`)
    expect(listed.body.items).to.have.length(station.total)

    // 钱七 organizes 新华区 only: the other district's case is not counted.
    const qianqi = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD)
    const theirs = await qianqi.get('/api/admin/dashboard/cases')
    expect(theirs.body.today.new.count).to.equal(1)
    expect(theirs.body.responsiveness.district.map((b: { key: string }) => b.key)).to.deep.equal(['d02'])
    // Asking for another district narrows their scope to nothing; it never swaps it for that district.
    expect((await qianqi.get('/api/admin/cases?districtId=d01')).body.items).to.deep.equal([])
    expect((await qianqi.get('/api/admin/cases?districtId=d02')).body.items).to.have.length(1)
    // 李娜 (station staff) has her station's 工作概览: its one message, not 新华区's.
    expect((await lina.get('/api/admin/dashboard/cases')).body.today.new.count).to.equal(1)
  })
})
