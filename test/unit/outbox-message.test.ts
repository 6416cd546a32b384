import { expect } from 'chai'
import { outboxMessage } from '../../src/services/delivery/outbox-message.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'

describe('outboxMessage: the one way a service writes a message to the outbox', () => {
  const at = new Date('2026-11-23T02:00:00Z')
  const notice = () =>
    outboxMessage({ to: { kind: 'deputy', id: 'dp0001' }, kind: 'case.reminder', payload: { text: '请及时处理' }, dedupeKey: 'sla:c1:remind:ack:0', at })

  it('is pending, never tried, due at once, for the dispatcher to route', () => {
    const m = notice()
    expect(m).to.deep.include({
      channel: 'auto',
      recipientKind: 'deputy',
      recipientId: 'dp0001',
      kind: 'case.reminder',
      payload: { text: '请及时处理' },
      dedupeKey: 'sla:c1:remind:ack:0',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      createdAt: at,
    })
    expect(m.id).to.match(/^[0-9a-f-]{36}$/)
    expect(notice().id, 'each message its own id').to.not.equal(m.id)
  })

  it('keeps a channel chosen by the writer', () => {
    expect(outboxMessage({ to: { kind: 'station', id: 'st001' }, kind: 'x', payload: {}, dedupeKey: 'k', at, channel: 'bot_room' }).channel).to.equal(
      'bot_room',
    )
  })

  it('is written once however often the same event writes it: the store keeps the first', async () => {
    const store = createSqliteStore(':memory:')
    try {
      await store.outbox.enqueue([notice()])
      await store.outbox.enqueue([notice()])
      const { items } = await store.outbox.search({ limit: 10 })
      expect(items.map((m) => [m.kind, m.recipientId, m.status, m.payload.text])).to.deep.equal([['case.reminder', 'dp0001', 'pending', '请及时处理']])
    } finally {
      await store.close()
    }
  })
})
