import { expect } from 'chai'
import { slaBadge } from '../../src/domain/sla-badge.js'

const TZ = 'Asia/Shanghai'
// 2026-12-01 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z')
const endOfDay = (date: string) => new Date(new Date(`${date}T23:59:59.999+08:00`).getTime())
const waiting = (ackDueAt: Date) => ({ status: 'assigned' as const, acknowledgedAt: null, ackDueAt, replyDueAt: endOfDay('2026-12-20') })

describe('SLA badge in words', () => {
  it('counts days past the reply deadline (答复期限) as people do: "已超期 2 天", however late the acknowledgement was', () => {
    const acked = {
      status: 'acknowledged' as const,
      acknowledgedAt: endOfDay('2026-11-10'),
      ackDueAt: endOfDay('2026-11-09'),
      replyDueAt: endOfDay('2026-11-29'),
    }
    const badge = slaBadge(acked, now, TZ)
    expect(badge).to.include({ text: '已超期 2 天', tone: 'overdue', step: 'reply' })
    expect(badge!.dueText).to.equal('11月29日 24:00前')
    // Never acknowledged, its acknowledgement due twelve days ago: still two days past the reply deadline.
    const unacked = { ...waiting(endOfDay('2026-11-19')), replyDueAt: endOfDay('2026-11-29') }
    expect(slaBadge(unacked, now, TZ)).to.include({ text: '已超期 2 天', tone: 'overdue', step: 'reply', dueText: '11月29日 24:00前' })
  })

  it('a message only late in being acknowledged, its reply not yet due, is 未按时受理, not 已超期', () => {
    const badge = slaBadge(waiting(endOfDay('2026-11-29')), now, TZ)
    expect(badge).to.include({ text: '未按时受理', tone: 'ack_late', step: 'acknowledge', dueText: '11月29日 24:00前' })
    // Acknowledged late, its reply due in two days: counted to the reply deadline.
    const ackedLate = { status: 'acknowledged' as const, acknowledgedAt: now, ackDueAt: endOfDay('2026-11-29'), replyDueAt: endOfDay('2026-12-03') }
    expect(slaBadge(ackedLate, now, TZ)).to.include({ text: '还有 2 天', tone: 'soon', step: 'reply' })
  })

  it('a deadline at the end of today is "今天到期"; a reply deadline earlier today and passed is "今天已超期"', () => {
    expect(slaBadge(waiting(endOfDay('2026-12-01')), now, TZ)).to.include({ text: '今天到期', tone: 'today' })
    const dueThisMorning = {
      status: 'acknowledged' as const,
      acknowledgedAt: now,
      ackDueAt: endOfDay('2026-11-20'),
      replyDueAt: new Date('2026-12-01T09:00:00+08:00'),
    }
    expect(slaBadge(dueThisMorning, now, TZ)).to.include({ text: '今天已超期', tone: 'overdue', step: 'reply' })
    expect(slaBadge(waiting(new Date('2026-12-01T09:00:00+08:00')), now, TZ)).to.include({ text: '未按时受理', tone: 'ack_late' })
  })

  it('tomorrow and later', () => {
    expect(slaBadge(waiting(endOfDay('2026-12-02')), now, TZ)!.text).to.equal('明天到期')
    expect(slaBadge(waiting(endOfDay('2026-12-06')), now, TZ)).to.include({ text: '还有 5 天', tone: 'ok' })
  })

  it('after acknowledging, the reply deadline counts; after the reply the clock stops', () => {
    const acked = { status: 'acknowledged' as const, acknowledgedAt: now, ackDueAt: endOfDay('2026-11-29'), replyDueAt: endOfDay('2026-12-03') }
    expect(slaBadge(acked, now, TZ)).to.include({ text: '还有 2 天', step: 'reply', tone: 'soon' })
    expect(slaBadge({ ...acked, status: 'replied' }, now, TZ)).to.equal(null)
    expect(slaBadge({ ...acked, status: 'closed' }, now, TZ)).to.equal(null)
  })
})
