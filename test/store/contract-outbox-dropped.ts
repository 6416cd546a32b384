import { expect } from 'chai'
import type { OutboxMessage, Store } from '../../src/store/ports.js'
import { SUPERSEDED_REASON } from '../../src/domain/message-truth.js'
import { outboxMessage } from './records.js'

const T0 = new Date('2026-11-23T02:00:00.000Z')

/**
 * The contract of the outbox's dropped messages (OutboxQuery.dropped, OutboxRepo.countDropped): a dead
 * message whose error starts with SUPERSEDED_REASON was dropped on purpose, every other dead one failed.
 */
export function outboxDroppedContract(store: () => Store) {
  describe('outbox: dead messages dropped on purpose apart from failures', () => {
    /** Writes a message and ends it dead with this error, as the dispatcher does. */
    async function dead(key: string, error: string): Promise<OutboxMessage> {
      const m = outboxMessage(key, { channel: 'mp_subscribe', nextAttemptAt: T0, createdAt: T0 })
      await store().outbox.enqueue([m])
      const [leased] = await store().outbox.claimDue(T0, { limit: 1, leaseMs: 60_000, holder: 'h', channels: ['mp_subscribe'] })
      expect(leased.id).to.equal(m.id)
      expect(await store().outbox.complete(m.id, 'h', { status: 'dead', error })).to.equal(true)
      return m
    }

    it('counts and lists the dropped ones and the failed ones each on their own', async () => {
      const superseded = await dead('k-superseded', SUPERSEDED_REASON)
      const leftOffice = await dead('k-left', `${SUPERSEDED_REASON}（收件人已不再担任人大代表）`)
      const failed = await dead('k-failed', '未能送达：该代表未使用小程序，也未绑定微信助手')
      // Words that merely mention it somewhere else are a failure's reason, not a drop.
      const mentions = await dead('k-mentions', `微信拒收（${SUPERSEDED_REASON}）`)
      await store().outbox.enqueue([outboxMessage('k-waiting')])

      expect(await store().outbox.countDropped()).to.equal(2)
      expect((await store().outbox.countsByStatus()).dead, 'the status counts stay as they are').to.equal(4)
      const ids = async (dropped: boolean) => (await store().outbox.search({ limit: 10, dropped })).items.map((m) => m.id)
      expect(await ids(true)).to.have.members([superseded.id, leftOffice.id])
      expect(await ids(false), 'dead ones only').to.have.members([failed.id, mentions.id])
      const page1 = await store().outbox.search({ limit: 1, dropped: true })
      const page2 = await store().outbox.search({ limit: 1, dropped: true, cursor: page1.nextCursor! })
      expect(
        [...page1.items, ...page2.items].map((m) => m.id),
        'paged like any list',
      ).to.have.members([superseded.id, leftOffice.id])
      expect((await store().outbox.search({ limit: 10, dropped: true, kind: 'meeting.notice' })).items, 'with the other filters').to.deep.equal([])
    })
  })
}
