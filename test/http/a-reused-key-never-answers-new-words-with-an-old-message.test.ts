import { expect } from 'chai'
import { MAINTENANCE_JOB } from '../../src/jobs/maintenance-job.js'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const HOUR = 3_600_000

/**
 * 王阿姨 writes about the street lamp at the east gate. Two days later her phone sends another message under the same
 * Idempotency-Key (a client that reused it). The key's stored answer is gone by then (the maintenance job keeps keys
 * 48 h), and only the first message still holds the key. Her new words must not be answered with the old message as if
 * they had been sent: they are refused, in words, and nothing is written. The very same message sent again is still
 * answered with the first one (its answer was lost), never made twice.
 */
describe('a reused Idempotency-Key never answers new words with an old message', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const key = { 'Idempotency-Key': 'k-2026-11-23-0001' }
  const lamp = { text: '建设路社区东门的路灯坏了，晚上很黑', regionId: 'c010101', deputyCode: 'DP0001', phone: '13800138000' }
  async function twoDaysOn() {
    app.clock.advance(49 * HOUR)
    await app.liaison.jobs.find((j) => j.name === MAINTENANCE_JOB)!.run()
  }
  const outboxCount = async () => (await app.liaison.store.outbox.search({ limit: 200 })).items.length

  it('answers the same message sent again with the first one, after its key was purged', async () => {
    const wang = await asResident(app)
    const first = await wang.post('/api/mp/cases', lamp, key)
    expect(first.status, JSON.stringify(first.body)).to.equal(201)
    await twoDaysOn()
    const again = await wang.post('/api/mp/cases', lamp, key)
    expect([again.status, again.body.ticket, again.body.text]).to.deep.equal([201, first.body.ticket, lamp.text])
    expect((await wang.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([first.body.ticket])
  })

  for (const [what, changed] of [
    ['other words', { text: '马庄路的井盖丢了，很危险' }],
    ['another place', { regionId: 'c010102' }],
    ['another deputy', { deputyCode: 'DP0002' }],
    ['sent anonymously', { anonymous: true, phone: undefined }],
    ['another phone number', { phone: '13900139000' }],
  ] as const) {
    it(`refuses ${what} under her old key once the key was purged, and writes nothing`, async () => {
      const wang = await asResident(app)
      const first = await wang.post('/api/mp/cases', lamp, key)
      expect(first.status, JSON.stringify(first.body)).to.equal(201)
      await twoDaysOn()
      const before = await outboxCount()

      const other = await wang.post('/api/mp/cases', { ...lamp, ...changed }, key)
      expect(other.status, JSON.stringify(other.body)).to.equal(422)
      expect(other.body.error.code).to.equal('idempotency_key_reused')
      expect(other.body.error.message, 'never "sent": her new words were not kept').to.equal('这次的留言没有提交成功，请退出留言页，重新打开后再提交一次')
      expect(other.body.ticket, 'not her old message shown as the new one').to.equal(undefined)

      expect((await wang.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([first.body.ticket])
      const mine = (await wang.get(`/api/mp/cases/${first.body.id}`)).body
      expect(mine.text, 'the first message is as she wrote it').to.equal(lamp.text)
      expect(await outboxCount(), 'nobody told of a message that was not written').to.equal(before)
    })
  }
})
