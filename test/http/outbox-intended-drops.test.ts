import { randomUUID } from 'node:crypto'
import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const SUPERSEDED = '已被后来的变化取代，未发送'

/**
 * 钱科长's 消息发送情况 after the go-live week: 发送失败 counted the messages dropped on purpose (a digest
 * past its day, a notice made untrue by later news) as failures, and offered 重新发送 on them and on
 * messages to a deputy who has since left office, which could only die again. They are counted apart as
 * 不用再发, listed on their own, and 重新发送 is offered (and allowed) only where it can bring a message to someone.
 */
describe('outbox monitor: messages dropped on purpose are not failures', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  /** A message to a deputy that the dispatcher ended dead with this reason. */
  async function deadMessage(recipientId: string, kind: string, text: string, error: string) {
    const { outbox } = app.liaison.store
    const now = app.clock.now()
    const id = randomUUID()
    await outbox.enqueue([
      {
        id,
        channel: 'bot_private',
        recipientKind: 'deputy',
        recipientId,
        kind,
        payload: { text },
        dedupeKey: `drops-test:${id}`,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
      },
    ])
    const [leased] = await outbox.claimDue(now, { limit: 1, leaseMs: 60_000, holder: 'test', channels: ['bot_private'] })
    expect(leased.id).to.equal(id)
    expect(await outbox.complete(id, 'test', { status: 'dead', error })).to.equal(true)
    return id
  }

  it('counts them as 不用再发, lists them apart, and refuses to send them again, changing nothing', async () => {
    const digest = await deadMessage('dp0001', 'digest', '每日摘要：待办留言 1 件', `${SUPERSEDED}（过了当天的每日摘要不再补发）`)
    const notice = await deadMessage('dp0002', 'meeting.notice', '会议通知：代表培训会', SUPERSEDED)
    const unbound = await deadMessage('dp0003', 'case.assigned', '新留言待受理', '未能送达：该代表未使用小程序，也未绑定微信助手')
    const departed = await deadMessage('dp0004', 'meeting.notice', '会议通知：列席常委会', '未能送达：该代表未使用小程序，也未绑定微信助手')
    // 赵敏 (dp0004) leaves office after her notice could not be delivered.
    const admin = await asAdmin(app)
    expect((await admin.patch('/api/admin/deputies/dp0004', { active: false })).status).to.equal(200)

    const all = (await admin.get('/api/admin/outbox')).body
    expect(all.counts).to.include({ dead: 2, dropped: 2 })

    const failed = (await admin.get('/api/admin/outbox?status=dead')).body.items
    expect(failed.map((m: { id: string; retryable: boolean }) => [m.id, m.retryable])).to.have.deep.members([
      [unbound, true],
      [departed, false],
    ])
    const dropped = (await admin.get('/api/admin/outbox?status=dropped')).body.items
    expect(dropped.map((m: { id: string; retryable: boolean }) => [m.id, m.retryable])).to.have.deep.members([
      [digest, false],
      [notice, false],
    ])
    expect(dropped.find((m: { id: string }) => m.id === digest).delivery).to.deep.equal({
      state: 'superseded',
      label: '不用再发',
      reason: `${SUPERSEDED}（过了当天的每日摘要不再补发）`,
    })

    const again = await admin.post(`/api/admin/outbox/${digest}/retry`)
    expect(again.status).to.equal(409)
    expect(again.body.error).to.deep.include({ code: 'not_needed', message: '这条消息已被后来的变化取代，不需要再发送' })
    const gone = await admin.post(`/api/admin/outbox/${departed}/retry`)
    expect(gone.status).to.equal(409)
    expect(gone.body.error).to.deep.include({ code: 'recipient_left_office', message: '收件人已不再担任人大代表，这条消息不需要再发送' })
    for (const id of [digest, departed]) expect((await app.liaison.store.outbox.get(id))!.status, 'left as it was').to.equal('dead')

    // The real failure can still be sent again once the deputy has a way to be reached.
    const retried = await admin.post(`/api/admin/outbox/${unbound}/retry`)
    expect(retried.status).to.equal(200)
    expect(retried.body).to.include({ status: 'pending' })
    expect((await admin.get('/api/admin/outbox')).body.counts).to.include({ dead: 1, dropped: 2, pending: 1 })
  })
})
