import { expect } from 'chai'
import { dueWords } from '../../src/domain/tasks.js'

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
