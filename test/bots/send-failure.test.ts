import { createServer, type Server, type Socket } from 'node:net'
import { createRequire } from 'node:module'
import { expect } from 'chai'
import axios from 'axios'
import { PuppetMock } from 'wechaty-puppet-mock'
import { sendFailureCode } from '../../bots/send-failure.js'
import { ConversationNotFoundError } from '../../bots/speaker.js'
import { OutboxConsumer } from '../../bots/outbox-consumer.js'
import type { OutboxItem } from '../../bots/client.js'

// The puppets' own code throws each error here, as it does when a message does not go (their shapes, not copies).
const require = createRequire(import.meta.url)
const wechat4u = require('wechat4u/lib/util/global.js') as { assert: { equal(actual: unknown, expected: unknown, response: object): void } }
const { AlreadyLogoutError } = require('wechat4u/lib/core.js') as { AlreadyLogoutError: new () => Error }
const { callErrorFromStatus } = require('@grpc/grpc-js/build/src/call.js') as {
  callErrorFromStatus(status: { code: number; details: string; metadata: unknown }, stack: string): Error
}

const thrown = (f: () => unknown): unknown => {
  try {
    f()
  } catch (err) {
    return err
  }
  throw new Error('nothing was thrown')
}
/** web WeChat answering webwxsendmsg with this Ret (wechat4u's sendText asserts Ret == 0 on the answer). */
const webAnswer = (ret: number) => thrown(() => wechat4u.assert.equal(ret, 0, { data: { BaseResponse: { Ret: ret, ErrMsg: '' }, MsgID: '' } }))
const grpc = (code: number, details: string) => callErrorFromStatus({ code, details, metadata: null }, '')

describe('bot: why a message was not sent, as a code', () => {
  // A server that takes the connection and never answers: the request times out as it does when WeChat does not answer.
  let server: Server
  const sockets: Socket[] = []
  before(() => new Promise<void>((resolve) => (server = createServer((s) => void sockets.push(s)).listen(0, '127.0.0.1', resolve))))
  after(() => {
    for (const s of sockets) s.destroy()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('knows a person or a group it cannot find, and the minutes after a login when contacts are still loading', () => {
    const missing = new ConversationNotFoundError('wxid_gone')
    expect(sendFailureCode(missing, 'bot_private', false)).to.equal('not_friend')
    expect(sendFailureCode(missing, 'bot_room', false)).to.equal('room_not_found')
    expect(sendFailureCode(missing, 'bot_private', true)).to.equal('contacts_loading')
  })

  it('knows a bot that is not logged in, as each puppet says it', async () => {
    const mock = new PuppetMock()
    const notLoggedIn = await mock.messageSendText('wxid_someone', '会议通知').then(
      () => null,
      (err: unknown) => err,
    )
    expect(String(notLoggedIn)).to.include('not logged in')
    expect(sendFailureCode(notLoggedIn, 'bot_private', false), 'the mock puppet').to.equal('not_logged_in')
    expect(
      sendFailureCode(
        thrown(() => mock.currentUserId),
        'bot_private',
        false,
      ),
      'wechaty-puppet',
    ).to.equal('not_logged_in')
    expect(sendFailureCode(webAnswer(1101), 'bot_private', false), 'wechat4u: the session is gone').to.equal('not_logged_in')
    expect(sendFailureCode(new AlreadyLogoutError(), 'bot_room', false), 'wechat4u: logged out').to.equal('not_logged_in')
  })

  it('knows sending too often, a timeout and a file too large; anything else is unknown', async () => {
    expect(sendFailureCode(webAnswer(1205), 'bot_private', false), 'wechat4u: too often').to.equal('rate_limited')
    const timedOut = await axios.get(`http://127.0.0.1:${(server.address() as { port: number }).port}/`, { timeout: 50 }).then(
      () => null,
      (err: unknown) => err,
    )
    expect(sendFailureCode(timedOut, 'bot_private', false), "wechat4u's requests (axios)").to.equal('send_timeout')
    expect(sendFailureCode(grpc(4, 'Deadline exceeded'), 'bot_private', false), 'puppet-service').to.equal('send_timeout')
    expect(sendFailureCode(grpc(13, 'TIMEOUT, can not get message callback response'), 'bot_room', false)).to.equal('send_timeout')
    expect(sendFailureCode(grpc(8, 'Received message larger than max (4861442 vs. 4194304)'), 'bot_private', false)).to.equal('file_too_large')
    expect(sendFailureCode(webAnswer(1), 'bot_private', false), 'a web answer we do not know').to.equal('unknown')
    expect(sendFailureCode(grpc(2, 'something odd'), 'bot_private', false)).to.equal('unknown')
  })

  /** One round of the consumer over one message whose sending throws `thrown`; what it reported. */
  async function failedWith(thrown: unknown): Promise<unknown[]> {
    const item: OutboxItem = {
      id: 'm1',
      channel: 'bot_private',
      address: 'wxid_dp',
      kind: 'meeting.notice',
      title: '会议通知',
      text: '会议通知',
      ticket: null,
      attempts: 0,
      leaseUntil: '2026-12-06T10:00:00.000Z',
    }
    const failed: unknown[][] = []
    const client = { lease: async () => [item], fail: async (...args: unknown[]) => void failed.push(args) }
    const speaker = {
      findContact: async () => ({ id: 'wxid_dp', name: () => '张伟' }),
      say: async () => {
        throw thrown
      },
    }
    const consumer = new OutboxConsumer(
      client as never,
      speaker as never,
      { blockedUntil: () => 0 } as never,
      {} as never,
      { now: () => 1_000_000, sleep: async () => {} },
      { instance: 'bot', leaseLimit: 5, pollMs: 1000, notFoundGraceMs: 0 },
      { warn: () => {}, info: () => {} } as never,
    )
    await consumer.runOnce()
    expect(failed).to.have.length(1)
    return failed[0]
  }

  it('does not try a file too large again: it would only fail again (未能送达 at once)', async () => {
    const [, , , retryable, code] = await failedWith(grpc(8, 'Received message larger than max (4861442 vs. 4194304)'))
    expect({ retryable, code }).to.deep.equal({ retryable: false, code: 'file_too_large' })
    const [, , , again] = await failedWith(grpc(4, 'Deadline exceeded'))
    expect(again, 'a timeout is tried again').to.equal(true)
  })

  it('reports the code with the failure, and the puppet’s own words beside it', async () => {
    const item: OutboxItem = {
      id: 'm1',
      channel: 'bot_private',
      address: 'wxid_dp',
      kind: 'meeting.notice',
      title: '会议通知',
      text: '会议通知',
      ticket: null,
      attempts: 0,
      leaseUntil: '2026-12-06T10:00:00.000Z',
    }
    const failed: unknown[][] = []
    const client = { lease: async () => [item], fail: async (...args: unknown[]) => void failed.push(args) }
    const speaker = {
      findContact: async () => ({ id: 'wxid_dp', name: () => '张伟' }),
      say: async () => {
        throw webAnswer(1101)
      },
    }
    const pacer = { blockedUntil: () => 0 }
    const clock = { now: () => 1_000_000, sleep: async () => {} }
    const log = { warn: () => {}, info: () => {} }
    const consumer = new OutboxConsumer(
      client as never,
      speaker as never,
      pacer as never,
      {} as never,
      clock,
      { instance: 'bot', leaseLimit: 5, pollMs: 1000, notFoundGraceMs: 0 },
      log as never,
    )
    await consumer.runOnce()
    expect(failed).to.have.length(1)
    const [id, instance, error, retryable, code] = failed[0]
    expect({ id, instance, retryable, code }).to.deep.equal({ id: 'm1', instance: 'bot', retryable: true, code: 'not_logged_in' })
    expect(error).to.equal('1101 == 0')
  })
})
