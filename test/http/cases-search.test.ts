import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** The inbox's search box: what staff type, what they find, and what they are told when it is wrong. */
describe('console inbox: search by text and by ticket', () => {
  let app: TestApp
  let resident: Awaited<ReturnType<typeof asResident>>
  let lina: Client
  /** A resident writes; returns the ticket they were given and the case id. */
  const write = async (text: string, regionId = 'c010101') => {
    const answer = await resident.post('/api/mp/cases', { text, regionId })
    expect(answer.status).to.equal(201)
    return { id: answer.body.id as string, ticket: answer.body.ticket as string }
  }
  const excerpts = async (who: Client, query: string) => {
    const answer = await who.get(`/api/admin/cases?${query}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.items.map((c: { excerpt: string }) => c.excerpt)
  }
  const q = (text: string) => `q=${encodeURIComponent(text)}`

  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    resident = await asResident(app)
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // station staff of 轻工街道 (c010101)
  })
  afterEach(() => app.close())

  it('a resident quotes their ticket on the phone: staff type it, with or without the dash, and find that one message', async () => {
    await write('楼道里堆满杂物，消防通道堵了')
    const { ticket } = await write('小区门口的路灯坏了一个多月')
    expect(ticket).to.match(/^\d{8}-\d{4}$/)
    expect(await excerpts(lina, q(ticket))).to.deep.equal(['小区门口的路灯坏了一个多月'])
    expect(await excerpts(lina, q(` ${ticket.replace('-', '')} `))).to.deep.equal(['小区门口的路灯坏了一个多月'])
    // Another station's staff do not find it: the ticket is searched within what they may see.
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)
    expect(await excerpts(zhoujie, q(ticket))).to.deep.equal([])
  })

  it('a resident reads out only the short number ("0002"): staff find the messages with that number in their scope over the last 90 days, newest first, and are told so', async () => {
    const DAY = 86_400_000
    await write('楼道里堆满杂物，消防通道堵了')
    const first = await write('小区门口的路灯坏了一个多月')
    app.clock.advance(DAY)
    await write('马庄菜市场门口垃圾没人清', 'c010201') // 马庄街道: another station's
    const elsewhere = await write('马庄菜市场门口停车位被占', 'c010201')
    app.clock.advance(DAY)
    await write('电梯经常坏')
    const latest = await write('三号楼门口的停车位被地锁占了')
    expect([first, elsewhere, latest].map((w) => w.ticket.slice(-5))).to.deep.equal(['-0002', '-0002', '-0002'])
    await lina.login('lina', STAFF_PASSWORD) // the session of two days ago has ended

    for (const typed of ['0002', '002', '2', ' 0002 ']) {
      const answer = await lina.get(`/api/admin/cases?${q(typed)}`)
      expect(answer.status, typed).to.equal(200)
      // Hers only, newest first: 马庄's 0002 is another station's.
      expect(
        answer.body.items.map((c: { ticket: string }) => c.ticket),
        typed,
      ).to.deep.equal([latest.ticket, first.ticket])
      expect(answer.body.numberSearch).to.include({ number: '0002', days: 90 })
      expect(answer.body.numberSearch.text).to.include('只查找了最近 90 天').and.include('更早的留言，请输入完整编号')
    }
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD) // 马庄's staff
    expect(await excerpts(zhoujie, q('0002'))).to.deep.equal(['马庄菜市场门口停车位被占'])
    expect(await excerpts(await asAdmin(app), q('0002'))).to.have.length(3)
    // Another search says nothing of days.
    expect((await lina.get(`/api/admin/cases?${q('停车位')}`)).body.numberSearch).to.equal(null)

    // 89 days later the newest of them is on the 90th day looked at; the first, two days older, only by its whole number.
    app.clock.advance(89 * DAY)
    await lina.login('lina', STAFF_PASSWORD)
    const later = await lina.get(`/api/admin/cases?${q('0002')}`)
    expect(later.body.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([latest.ticket])
    expect(later.body.numberSearch.since.replaceAll('-', '')).to.equal(latest.ticket.slice(0, 8))
    expect(await excerpts(lina, q(first.ticket))).to.deep.equal(['小区门口的路灯坏了一个多月'])
  })

  it('words from the message find it, newest first, with the other filters and page by page', async () => {
    await write('小区里停车位太少，晚上没地方停')
    app.clock.advance(60_000)
    await write('楼道里堆满杂物，消防通道堵了')
    app.clock.advance(60_000)
    await write('电梯经常坏，停车位也不够')
    app.clock.advance(60_000)
    await write('马庄菜市场门口停车位被占', 'c010201') // 马庄街道: another station's
    expect(await excerpts(lina, q('停车位'))).to.deep.equal(['电梯经常坏，停车位也不够', '小区里停车位太少，晚上没地方停'])
    expect(await excerpts(lina, q('停车位 晚上'))).to.deep.equal(['小区里停车位太少，晚上没地方停'])
    expect(await excerpts(lina, q('电梯'))).to.deep.equal(['电梯经常坏，停车位也不够'])
    expect(await excerpts(lina, `${q('停车位')}&status=closed`)).to.deep.equal([])
    expect(await excerpts(lina, q('没有人写过的话'))).to.deep.equal([])
    const admin = await asAdmin(app)
    const first = await admin.get(`/api/admin/cases?${q('停车位')}&limit=2`)
    const second = await admin.get(`/api/admin/cases?${q('停车位')}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect([...first.body.items, ...second.body.items].map((c: { excerpt: string }) => c.excerpt)).to.deep.equal([
      '马庄菜市场门口停车位被占',
      '电梯经常坏，停车位也不够',
      '小区里停车位太少，晚上没地方停',
    ])
    expect(second.body.nextCursor).to.equal(null)
  })

  it('messages sent at the same moment are each found by a phrase of them as soon as the residents are answered', async () => {
    // Sent together, they are written in one group commit, whose text index is written last.
    const others = await Promise.all([asResident(app), asResident(app)])
    const texts = ['小区东门的路灯坏了三盏', '三号楼电梯困人两次了', '幼儿园门口早上堵车']
    const answers = await Promise.all([resident, ...others].map((who, i) => who.post('/api/mp/cases', { text: texts[i], regionId: 'c010101' })))
    expect(answers.map((a) => a.status)).to.deep.equal([201, 201, 201])
    expect(await excerpts(lina, q('东门的路灯'))).to.deep.equal([texts[0]])
    expect(await excerpts(lina, q('电梯困人'))).to.deep.equal([texts[1]])
    expect(await excerpts(lina, q('门口早上堵车'))).to.deep.equal([texts[2]])
  })

  it('"导出当前列表" exports exactly what the search found', async () => {
    const { ticket } = await write('小区里停车位太少')
    await write('楼道里堆满杂物')
    const sheet = await lina.get(`/api/admin/cases.csv?${q('停车位')}`)
    expect(sheet.status).to.equal(200)
    const lines = (sheet.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')
    expect(lines).to.have.length(2)
    expect(lines[1]).to.include(ticket)
    expect((await lina.get(`/api/admin/cases.csv?${q('')}`)).status).to.equal(400)
  })

  it('an empty, one-character or overlong search is refused in plain words, and nothing is listed', async () => {
    await write('小区里停车位太少')
    for (const [typed, words] of [
      ['   ', '请输入要查找的留言内容或编号'],
      ['停', '请至少输入 2 个字'],
      ['停'.repeat(51), '最多输入 50 个字'],
    ]) {
      const answer = await lina.get(`/api/admin/cases?${q(typed)}`)
      expect(answer.status, typed).to.equal(400)
      expect(answer.body.error.code).to.be.a('string')
      expect(answer.body.error.message).to.be.a('string')
      expect(JSON.stringify(answer.body.error.details)).to.include(words)
    }
    expect((await lina.get('/api/admin/cases?q=a&q=b')).status).to.equal(400)
  })
})
