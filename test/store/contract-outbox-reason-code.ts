import { expect } from 'chai'
import type { OutboxOutcome, Store } from '../../src/store/ports.js'
import { outboxMessage } from './records.js'

const T0 = new Date('2026-11-23T02:00:00.000Z')

/**
 * The contract of a failure's reason code (OutboxMessage.lastErrorCode): the chat bot's code is kept with its error,
 * and goes with it, so that no row says one reason in its code and another in its words.
 */
export function outboxReasonCodeContract(store: () => Store) {
  describe("outbox: the bot's reason code kept with a failure", () => {
    const outbox = () => store().outbox
    async function leased(key: string) {
      const m = outboxMessage(key, { channel: 'bot_private', nextAttemptAt: T0, createdAt: T0 })
      await outbox().enqueue([m])
      const [got] = await outbox().claimDue(T0, { limit: 1, leaseMs: 60_000, holder: 'h', channels: ['bot_private'] })
      expect(got.id).to.equal(m.id)
      return m.id
    }
    const end = async (id: string, outcome: OutboxOutcome) => expect(await outbox().complete(id, 'h', outcome)).to.equal(true)
    const again = async (id: string) => {
      const [got] = await outbox().claimDue(new Date(T0.getTime() + 86_400_000), { limit: 1, leaseMs: 60_000, holder: 'h', channels: ['bot_private'] })
      expect(got?.id).to.equal(id)
    }

    it('keeps the code of a failure to try again and of a final one, and none when none was given', async () => {
      const failed = await leased('k-failed')
      // Tried again only later: the next messages are leased before it.
      await end(failed, { status: 'failed', error: '1101 == 0', retryAt: new Date('2027-01-01T00:00:00.000Z'), code: 'not_logged_in' })
      expect(await outbox().get(failed)).to.include({ status: 'failed', lastError: '1101 == 0', lastErrorCode: 'not_logged_in' })
      const dead = await leased('k-dead')
      await end(dead, { status: 'dead', error: '对方不是好友，无法私聊', code: 'not_friend' })
      expect(await outbox().get(dead)).to.include({ status: 'dead', lastErrorCode: 'not_friend' })
      expect((await outbox().search({ limit: 10, status: 'dead' })).items[0].lastErrorCode, 'in a list too').to.equal('not_friend')
      const plain = await leased('k-plain')
      await end(plain, { status: 'dead', error: '未能送达：该代表未使用小程序' })
      expect((await outbox().get(plain))!.lastErrorCode).to.equal(null)
    })

    it('lets go of the code with its error: sent, another failure without one, missed on the way, sent again by hand', async () => {
      const id = await leased('k-life')
      await end(id, { status: 'failed', error: 'timeout', retryAt: T0, code: 'send_timeout' })
      await again(id)
      await end(id, { status: 'failed', error: '微信拒收', retryAt: T0 })
      expect((await outbox().get(id))!.lastErrorCode, 'another failure, without a code').to.equal(null)
      await again(id)
      await end(id, { status: 'failed', error: 'timeout', retryAt: T0, code: 'send_timeout' })
      await again(id)
      await end(id, { status: 'pending', channel: 'bot_private', address: null, until: T0, reason: null })
      expect((await outbox().get(id))!.lastErrorCode, 'a wait is no attempt: the last failure stands').to.equal('send_timeout')
      await again(id)
      await end(id, { status: 'pending', channel: 'bot_private', address: null, until: T0, reason: null, missed: '微信助手在微信里找不到收件人' })
      expect(await outbox().get(id)).to.include({ lastError: '微信助手在微信里找不到收件人', lastErrorCode: null })
      await again(id)
      await end(id, { status: 'dead', error: '对方不是好友，无法私聊', code: 'not_friend' })
      expect(await outbox().retryDead(id, T0)).to.equal(true)
      expect(await outbox().get(id)).to.include({ status: 'pending', lastError: null, lastErrorCode: null })
      await again(id)
      await end(id, { status: 'failed', error: 'timeout', retryAt: T0, code: 'send_timeout' })
      await again(id)
      await end(id, { status: 'sent', at: T0, channel: 'bot_private', address: 'wxid_x' })
      expect(await outbox().get(id)).to.include({ status: 'sent', lastError: null, lastErrorCode: null })
    })
  })
}
