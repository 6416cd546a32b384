import { expect } from 'chai'
import { slaBadge } from '../../src/domain/sla-badge.js'

const TZ = 'Asia/Shanghai'
// 2026-12-01 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z')
const endOfDay = (date: string) => new Date(new Date(`${date}T23:59:59.999+08:00`).getTime())
const waiting = (ackDueAt: Date) => ({ status: 'assigned' as const, acknowledgedAt: null, ackDueAt, replyDueAt: endOfDay('2026-12-20') })

describe('SLA badge in words', () => {
  it('counts days past the deadline as people do: "已超期 2 天"', () => {
    const badge = slaBadge(waiting(endOfDay('2026-11-29')), now, TZ)
    expect(badge).to.include({ text: '已超期 2 天', tone: 'overdue', step: 'acknowledge' })
    expect(badge!.dueText).to.equal('11月29日 24:00前')
  })

  it('a deadline at the end of today is "今天到期"; earlier today and passed is "今天已超期"', () => {
    expect(slaBadge(waiting(endOfDay('2026-12-01')), now, TZ)).to.include({ text: '今天到期', tone: 'today' })
    expect(slaBadge(waiting(new Date('2026-12-01T09:00:00+08:00')), now, TZ)).to.include({ text: '今天已超期', tone: 'overdue' })
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
