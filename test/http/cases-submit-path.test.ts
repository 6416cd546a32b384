import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * Sending a message does the work once: the answer is made from what was written (the
 * case is not read back), the session and the person's row are read once, together,
 * and the answer is the same page the resident sees when they open the case later.
 */
describe('sending a message reads nothing twice', () => {
  let app: TestApp
  const none = { case: 0, person: 0, session: 0, sessionWithPerson: 0, byKey: 0 }
  const reads = { ...none }
  before(async () => {
    app = await startApp({ directory: caseCity() })
    const { cases, mpUsers, sessions } = app.liaison.store
    const [get, getPerson, byKey, getSession, withPerson] = [
      cases.get,
      mpUsers.get,
      cases.findByIdempotencyKey,
      sessions.findByTokenHash,
      sessions.findMpSession,
    ]
    cases.get = (id) => (reads.case++, get.call(cases, id))
    mpUsers.get = (id) => (reads.person++, getPerson.call(mpUsers, id))
    sessions.findByTokenHash = (hash) => (reads.session++, getSession.call(sessions, hash))
    sessions.findMpSession = (hash) => (reads.sessionWithPerson++, withPerson.call(sessions, hash))
    cases.findByIdempotencyKey = (resident, key) => (reads.byKey++, byKey.call(cases, resident, key))
  })
  after(() => app.close())
  beforeEach(() => Object.assign(reads, none))

  it('answers with the case as the resident will see it, without reading it back or reading the resident twice', async () => {
    const resident = await asResident(app, 'o-submit-path')
    Object.assign(reads, none)
    const sent = await resident.post('/api/mp/cases', { text: '小区门口的路灯坏了一个月了', regionId: 'c010101' }, { 'Idempotency-Key': 'submit-path-1' })
    expect(sent.status).to.equal(201)
    expect(sent.body.ticket).to.match(/^\d{8}-\d{4}$/)
    expect(sent.body.timeline.map((e: { type: string }) => e.type)).to.include('submitted')
    expect(reads, 'store reads while answering the POST').to.deep.equal({ ...none, sessionWithPerson: 1 })

    const opened = await resident.get(`/api/mp/cases/${sent.body.id}`)
    const { routing, ...shown } = sent.body
    expect(routing.summary).to.be.a('string').and.not.equal('')
    expect(shown).to.deep.equal(opened.body)
  })

  it('still answers a repeated request with the first case, and creates nothing twice', async () => {
    const resident = await asResident(app, 'o-submit-again')
    const body = { text: '楼道灯不亮', regionId: 'c010101' }
    const first = await resident.post('/api/mp/cases', body, { 'Idempotency-Key': 'again-1' })
    const second = await resident.post('/api/mp/cases', body, { 'Idempotency-Key': 'again-1' })
    expect(second.status).to.equal(201)
    expect(second.body.id).to.equal(first.body.id)
    const mine = await resident.get('/api/mp/cases?limit=10')
    expect(mine.body.items.map((c: { id: string }) => c.id)).to.deep.equal([first.body.id])
  })

  it('gives messages, their timeline entries and notices ids in the order they were written, so new rows go to the end of each index', async () => {
    const resident = await asResident(app, 'o-submit-order')
    const ids: string[] = []
    for (const text of ['第一条：路灯不亮', '第二条：井盖松动', '第三条：垃圾未清运']) {
      app.clock.advance(1000)
      ids.push((await resident.post('/api/mp/cases', { text, regionId: 'c010101' })).body.id)
    }
    expect(
      ids.every((id) => id.startsWith('cs-') && id[3 + 14] === '7'),
      'UUID version 7',
    ).to.equal(true)
    expect([...ids].sort()).to.deep.equal(ids)
    const events = await app.liaison.store.cases.events(ids[2])
    expect(events.every((e) => e.id[14] === '7')).to.equal(true)
    const notices = (await app.liaison.store.outbox.search({ limit: 50 })).items.filter((m) => ids.includes(String(m.payload.caseId)))
    expect(notices).to.have.length.greaterThan(0)
    expect(notices.every((m) => m.id[14] === '7')).to.equal(true)
  })
})
