import { expect } from 'chai'
import { reasonInWords } from '../../src/domain/send-failure.js'
import { noticeState } from '../../src/domain/notice-delivery.js'
import { presentOutboxMessage } from '../../src/http/presenters/outbox.js'
import type { OutboxMessage } from '../../src/store/ports.js'

const message = (over: Partial<OutboxMessage>): OutboxMessage => ({
  id: 'm1',
  channel: 'bot_private',
  recipientKind: 'deputy',
  recipientId: 'dp0001',
  kind: 'meeting.notice',
  payload: { text: '会议通知' },
  dedupeKey: 'k1',
  status: 'pending',
  attempts: 1,
  nextAttemptAt: new Date('2026-12-06T10:00:00Z'),
  lastError: null,
  createdAt: new Date('2026-12-06T09:00:00Z'),
  ...over,
})

describe("a bot's failure in words, wherever a page says it", () => {
  it('contacts still loading promises 稍后会自动再发 only while it will be sent again', () => {
    expect(reasonInWords('x', 'contacts_loading', false)).to.equal('微信助手刚登录，联系人还没加载完，稍后会自动再发')
    expect(reasonInWords('x', 'contacts_loading', true)).to.equal('微信助手刚登录，联系人还没加载完')
  })

  it("the meeting and survey rosters say the code's words beside 未能送达, never the puppet's English", () => {
    const dead = noticeState({ status: 'dead', lastError: '1101 == 0（已尝试 5 次）', lastErrorCode: 'not_logged_in' })
    expect(dead).to.include({ label: '未能送达', reason: '微信助手没有登录微信，消息发不出去' })
    const again = noticeState({ status: 'failed', lastError: '4 DEADLINE_EXCEEDED: Deadline exceeded', lastErrorCode: 'send_timeout' })
    expect(again.reason).to.equal('微信没有及时回应，这次没发出去，稍后会自动再发')
    // An old bot's English with no code: 原因不明; the backend's own Chinese reasons as they are.
    expect(noticeState({ status: 'dead', lastError: 'Error: 2 UNKNOWN: odd' }).reason).to.equal('没有发出去，原因不明')
    expect(noticeState({ status: 'dead', lastError: '对方没有可用的联系方式' }).reason).to.equal('对方没有可用的联系方式')
  })

  // The console's what-to-do (admin/src/views/admin/words.ts whatToDo) goes by reasonCode: not_logged_in says 微信助手掉线了.
  it('a message held by quiet hours after a failure is not blamed on the bot: no code, so no 微信助手掉线了', () => {
    const held = presentOutboxMessage(
      message({ status: 'pending', lastError: '1101 == 0', lastErrorCode: 'not_logged_in', waitingReason: '夜间免打扰，8:00 后发送' }),
    )
    expect(held).to.include({ reasonCode: null, reasonWords: '夜间免打扰，8:00 后发送' })
    // Failed and not held: the code speaks.
    const failed = presentOutboxMessage(message({ status: 'failed', lastError: '1101 == 0', lastErrorCode: 'not_logged_in' }))
    expect(failed).to.include({ reasonCode: 'not_logged_in', reasonWords: '微信助手没有登录微信，消息发不出去' })
  })
})
