import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * 王奶奶 is not sure her message about the lamp went, so she sends it again a minute later. A second case made
 * silently would go to another deputy (the one with fewer messages) and her list would show two lines that read the
 * same: she is asked first (409 same_message_open, naming the message she sent: its number, the day and who has it),
 * and nothing is written until she says it goes all the same (`sendAgain`).
 */
describe('the same message twice: she is asked before a second case is made', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const lamp = { text: '建设路12号门口的路灯坏了，晚上很黑。', regionId: 'c010101', deputyCode: 'DP0001' }
  // The same words as she types them again: other spaces and punctuation.
  const lampAgain = { ...lamp, text: '建设路12号门口的路灯坏了 晚上很黑！' }
  const tickets = async (who: Awaited<ReturnType<typeof asResident>>) => (await who.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket)
  const outboxCount = async () => (await app.liaison.store.outbox.search({ limit: 200 })).items.length

  it('answers 409 naming the open message, and writes nothing', async () => {
    const wang = await asResident(app)
    const first = await wang.post('/api/mp/cases', lamp)
    expect(first.status, JSON.stringify(first.body)).to.equal(201)
    app.clock.advance(60_000)
    const before = await outboxCount()

    const again = await wang.post('/api/mp/cases', lampAgain)
    expect(again.status, JSON.stringify(again.body)).to.equal(409)
    expect(again.body.error.code).to.equal('same_message_open')
    expect(again.body.error.message).to.equal('您11月23日已经送出过同样的留言（编号20261123-0001），张伟代表正在办理。还要再送一条吗？')
    expect(again.body.error.details).to.deep.include({ path: 'case.id', message: first.body.id })
    expect(again.body.error.details).to.deep.include({ path: 'case.ticket', message: '20261123-0001' })

    expect(await tickets(wang)).to.deep.equal(['20261123-0001'])
    expect(await outboxCount(), 'no deputy told of a message not made').to.equal(before)
  })

  it('makes the second message when she says it goes all the same', async () => {
    const wang = await asResident(app)
    expect((await wang.post('/api/mp/cases', lamp)).status).to.equal(201)
    const again = await wang.post('/api/mp/cases', { ...lampAgain, sendAgain: true })
    expect(again.status, JSON.stringify(again.body)).to.equal(201)
    expect(again.body.ticket).to.equal('20261123-0002')
    expect(await tickets(wang)).to.deep.equal(['20261123-0002', '20261123-0001'])
  })

  it('does not ask about a message she withdrew, nor about one answered and closed', async () => {
    const wang = await asResident(app)
    const first = await wang.post('/api/mp/cases', lamp)
    expect((await wang.post(`/api/mp/cases/${first.body.id}/withdraw`, {})).body.status).to.equal('withdrawn')
    const second = await wang.post('/api/mp/cases', lampAgain)
    expect(second.status, JSON.stringify(second.body)).to.equal(201)

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${second.body.id}/reply`, { text: '已报市政，三天内修好。' })).status).to.equal(200)
    expect((await wang.post(`/api/mp/cases/${second.body.id}/rate`, { rating: 5 })).body.status).to.equal('closed')
    const third = await wang.post('/api/mp/cases', lamp)
    expect(third.status, JSON.stringify(third.body)).to.equal(201)
    expect(await tickets(wang)).to.have.length(3)
  })

  it('asks about one answered and waiting for her score, and says how to have it handled again instead', async () => {
    const wang = await asResident(app)
    const first = await wang.post('/api/mp/cases', lamp)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${first.body.id}/reply`, { text: '已报市政，三天内修好。' })).status).to.equal(200)
    const again = await wang.post('/api/mp/cases', lamp)
    expect(again.status, JSON.stringify(again.body)).to.equal(409)
    // The words of the mini-program's message page (评价, 申请重新办理) and of the chat's score question (打 1 分或 2 分).
    expect(again.body.error.message).to.equal(
      '您11月23日已经送出过同样的留言（编号20261123-0001），张伟代表已经答复了。问题还没解决的话，不用再送：给那条的答复打 1 分或 2 分，就可以申请重新办理。还要再送一条吗？',
    )
    // How it stands, so the chat can offer the score as a choice of its own.
    expect(again.body.error.details).to.deep.include({ path: 'case.status', message: 'replied' })
  })

  it("does not ask when another resident sends the same words: it is her neighbour's message", async () => {
    const wang = await asResident(app)
    const li = await asResident(app)
    expect((await wang.post('/api/mp/cases', lamp)).status).to.equal(201)
    const hers = await li.post('/api/mp/cases', lamp)
    expect(hers.status, JSON.stringify(hers.body)).to.equal(201)
    expect(await tickets(li)).to.deep.equal([hers.body.ticket])
  })

  it('does not ask about other words, nor about the same lamp at another number', async () => {
    const wang = await asResident(app)
    expect((await wang.post('/api/mp/cases', lamp)).status).to.equal(201)
    expect((await wang.post('/api/mp/cases', { ...lamp, text: '建设路14号门口的路灯坏了，晚上很黑。' })).status).to.equal(201)
    expect((await wang.post('/api/mp/cases', { ...lamp, text: '建设路12号门口的路灯坏了，晚上很黑。已经一个星期了。' })).status).to.equal(201)
  })

  it('asks about short words only when they are about the same place: a week on, another place is another lamp', async () => {
    const wang = await asResident(app)
    const short = { text: '路灯坏了', regionId: 'c010101' }
    expect((await wang.post('/api/mp/cases', short)).status).to.equal(201)
    app.clock.advance(7 * 86_400_000)
    const elsewhere = await wang.post('/api/mp/cases', { ...short, regionId: 'c010102' })
    expect(elsewhere.status, `another community: ${JSON.stringify(elsewhere.body)}`).to.equal(201)
    const toStation = await wang.post('/api/mp/cases', { text: '路灯坏了！', stationCode: 'ST002' })
    expect(toStation.status, `another station: ${JSON.stringify(toStation.body)}`).to.equal(201)
    const again = await wang.post('/api/mp/cases', { ...short, text: '路灯坏了。' })
    expect([again.status, again.body.error?.code], 'the same place: asked').to.deep.equal([409, 'same_message_open'])
    expect(again.body.error.message).to.include('（编号20261123-0001）')
    expect(await tickets(wang)).to.have.length(3)
  })

  it('asks about short words to a deputy or station she chose only when she chose the same one again', async () => {
    const wang = await asResident(app)
    // Scanned from 张伟's poster, no place given: the record keeps no community, only his station's district.
    expect((await wang.post('/api/mp/cases', { text: '路灯坏了', deputyCode: 'DP0001' })).status).to.equal(201)
    app.clock.advance(7 * 86_400_000)
    // 王芳 and the station are 张伟's own station: the same place, written to someone else, another message.
    const toWang = await wang.post('/api/mp/cases', { text: '路灯坏了', deputyCode: 'DP0002', targetChosen: true })
    expect(toWang.status, `another deputy: ${JSON.stringify(toWang.body)}`).to.equal(201)
    const toStation = await wang.post('/api/mp/cases', { text: '路灯坏了', stationCode: 'ST001', targetChosen: true })
    expect(toStation.status, `his station: ${JSON.stringify(toStation.body)}`).to.equal(201)

    // 张伟 again, picked in the mini-program this time (再写一条) rather than scanned: the same deputy, asked.
    const toZhang = await wang.post('/api/mp/cases', { text: '路灯坏了！', deputyCode: 'DP0001', targetChosen: true })
    expect([toZhang.status, toZhang.body.error?.code], 'the same deputy').to.deep.equal([409, 'same_message_open'])
    expect(toZhang.body.error.message).to.include('（编号20261123-0001），张伟代表正在办理')
    const stationAgain = await wang.post('/api/mp/cases', { text: '路灯坏了', stationCode: 'ST001' })
    expect([stationAgain.status, stationAgain.body.error?.code], 'the same station').to.deep.equal([409, 'same_message_open'])
    expect(stationAgain.body.error.message).to.include(`（编号${toStation.body.ticket}）`)
    expect(await tickets(wang)).to.have.length(3)
  })

  it('still answers a retry under the same Idempotency-Key with the first message, never with the question', async () => {
    const wang = await asResident(app)
    const key = { 'Idempotency-Key': 'k-lamp-1' }
    const first = await wang.post('/api/mp/cases', lamp, key)
    const retry = await wang.post('/api/mp/cases', lamp, key)
    expect([retry.status, retry.body.ticket]).to.deep.equal([201, first.body.ticket])
    expect(await tickets(wang)).to.deep.equal([first.body.ticket])
  })
})
