import { expect } from 'chai'
import { deputyCaseDue, dueWords } from '../../src/domain/tasks.js'
import { deputyPageDeadlines } from '../../src/http/presenters/deputy-case-state.js'

const TZ = 'Asia/Shanghai'
const now = new Date('2026-11-23T02:00:00Z') // Monday 10:00 in Asia/Shanghai

describe('my tasks: deadlines in words', () => {
  it('counts calendar days in the business time zone', () => {
    expect(dueWords(new Date('2026-11-20T09:00:00Z'), now, TZ)).to.deep.equal({ state: 'overdue', words: '已超期 3 天', days: -3 })
    expect(dueWords(new Date('2026-11-23T15:59:00Z'), now, TZ)).to.deep.equal({ state: 'today', words: '今天到期', days: 0 })
    expect(dueWords(new Date('2026-11-23T16:00:00Z'), now, TZ)).to.deep.equal({ state: 'upcoming', words: '明天到期', days: 1 })
    expect(dueWords(new Date('2026-11-28T01:00:00Z'), now, TZ)).to.deep.equal({ state: 'upcoming', words: '还有 5 天到期', days: 5 })
  })

  it('never says "today" about a deadline already passed this morning', () => {
    expect(dueWords(new Date('2026-11-23T01:00:00Z'), now, TZ)).to.deep.equal({ state: 'overdue', words: '今天已超期', days: 0 })
  })
})

/**
 * 张伟's 待办 and his message page say what is late: the answer (答复已超期), not a bare 已超期 that leaves him asking
 * what; a late acknowledgement keeps its own words (已过受理期限).
 */
describe('a deputy’s late message says that the answer is late', () => {
  const waiting = (replyDueAt: string) => ({
    status: 'acknowledged' as const,
    acknowledgedAt: new Date('2026-11-10T02:00:00Z'),
    ackDueAt: new Date('2026-11-11T02:00:00Z'),
    replyDueAt: new Date(replyDueAt),
  })

  it('答复已超期 3 天 on his 待办, 答复期限今天已过 for a deadline gone by this morning (not 今天答复已超期, read as today’s answer)', () => {
    expect(deputyCaseDue(waiting('2026-11-20T09:00:00Z'), now, TZ)).to.include({ state: 'overdue', words: '答复已超期 3 天' })
    expect(deputyCaseDue(waiting('2026-11-23T01:00:00Z'), now, TZ)).to.include({ state: 'overdue', words: '答复期限今天已过' })
    expect(
      deputyCaseDue({ ...waiting('2026-12-14T15:59:00Z'), status: 'assigned', acknowledgedAt: null, ackDueAt: new Date('2026-11-20T02:00:00Z') }, now, TZ),
    ).to.include({ state: 'ack_late', words: '已过受理期限 3 天' })
  })

  it('his message page says it the same way, with the day it was', () => {
    expect(deputyPageDeadlines(waiting('2026-11-23T01:00:00Z'), TZ, now).replyLate).to.equal('答复期限今天已过（应于11月23日上午9:00前答复），请尽快答复')
  })
})
