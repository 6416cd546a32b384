import { expect } from 'chai'
import { afterRating, refusalFor, suggestionNumber } from '../../src/domain/suggestion.js'
import { addMonths, deadlineNotices, suggestionDueText } from '../../src/domain/suggestion-due.js'
import { suggestionStats } from '../../src/domain/suggestion-stats.js'
import { suggestionRecord } from '../store/contract-suggestions.js'

describe('代表建议: the rules', () => {
  it('admits each step only in its statuses, and says why not in plain words', () => {
    expect(refusalFor('submit', 'draft')).to.equal(null)
    expect(refusalFor('submit', 'cosigning')).to.equal(null)
    expect(refusalFor('edit', 'submitted')).to.equal('只有草稿可以修改（现在：待审查）')
    expect(refusalFor('rate', 'assigned')).to.equal('只有已答复的建议可以评价（现在：办理中）')
    expect(refusalFor('publish', 'closed')).to.equal(null)
  })

  it('sends a 不满意 back once, then closes', () => {
    expect(afterRating('dissatisfied', 1)).to.equal('rehandling')
    expect(afterRating('dissatisfied', 2)).to.equal('closed')
    expect(afterRating('basically_satisfied', 1)).to.equal('closed')
  })

  it('numbers by year, tells the days left, and adds months the way a calendar does', () => {
    expect(suggestionNumber(2026, 12)).to.equal('2026-0012')
    expect(suggestionDueText('2026-12-13', '2026-12-01')).to.equal('还有 12 天')
    expect(suggestionDueText('2026-12-01', '2026-12-01')).to.equal('今天到期')
    expect(suggestionDueText('2026-11-28', '2026-12-01')).to.equal('已超期 3 天')
    expect(addMonths('2026-11-30', 3)).to.equal('2027-02-28')
    expect(addMonths('2026-12-01', 1)).to.equal('2027-01-01')
  })

  it('reminds 15 and 3 days ahead and calls it overdue the day after the deadline', () => {
    expect(deadlineNotices('2027-03-01', '2027-02-10')).to.deep.equal({ remind: null, daysLeft: 19, overdue: false })
    expect(deadlineNotices('2027-03-01', '2027-02-14')).to.deep.equal({ remind: 15, daysLeft: 15, overdue: false })
    expect(deadlineNotices('2027-03-01', '2027-02-27')).to.deep.equal({ remind: 3, daysLeft: 2, overdue: false })
    expect(deadlineNotices('2027-03-01', '2027-03-01')).to.deep.equal({ remind: 3, daysLeft: 0, overdue: false })
    expect(deadlineNotices('2027-03-01', '2027-03-02')).to.deep.equal({ remind: null, daysLeft: -1, overdue: true })
  })

  it('counts per lead unit: answered, on time by the first answer, resolved by the latest, satisfaction by the latest rating', () => {
    const unit = (id: string, name: string) => ({ id, name })
    const assignment = (lead: string, deadline: string) => ({
      leadUnit: unit(lead, lead === 'u01' ? '住建局' : '区政府'),
      coUnits: [],
      deadline,
      keySupervision: false,
      supervisionLeader: null,
      assignedAt: new Date('2026-01-05T00:00:00Z'),
    })
    const answer = (lead: string, category: 'resolved' | 'in_progress', day: string, round = 1) => ({
      unit: unit(lead, ''),
      role: 'lead' as const,
      category,
      text: '答复',
      at: new Date(`${day}T02:00:00Z`),
      round,
    })
    const records = [
      suggestionRecord({
        id: 'a',
        status: 'closed',
        assignment: assignment('u01', '2026-04-05'),
        answers: [answer('u01', 'in_progress', '2026-04-01'), answer('u01', 'resolved', '2026-05-20', 2)],
        ratings: [
          { score: 'dissatisfied', comment: '', at: new Date(), round: 1 },
          { score: 'satisfied', comment: '', at: new Date(), round: 2 },
        ],
      }),
      suggestionRecord({
        id: 'b',
        status: 'answered',
        assignment: assignment('u01', '2026-04-05'),
        answers: [answer('u01', 'in_progress', '2026-04-06')],
        ratings: [],
      }),
      // Still with its unit five days past the deadline: 已超期, and not on time.
      suggestionRecord({ id: 'c', status: 'assigned', assignment: assignment('u02', '2026-04-05') }),
      suggestionRecord({ id: 'd' }),
    ]
    const { units, totals } = suggestionStats(records, (at) => at.toISOString().slice(0, 10), '2026-04-10')
    expect(units[0]).to.deep.equal({
      unit: unit('u01', '住建局'),
      total: 2,
      answered: 2,
      onTime: 1,
      overdue: 0,
      onTimeShare: 0.5,
      resolvedShare: 0.5,
      satisfaction: { satisfied: 1, basically_satisfied: 0, dissatisfied: 0 },
      satisfiedShare: 1,
    })
    expect(units[1], 'waiting past the deadline is not on time').to.include({ total: 1, answered: 0, overdue: 1, onTimeShare: 0, satisfiedShare: null })
    expect(totals).to.include({ total: 3, answered: 2, onTime: 1, overdue: 1, onTimeShare: 0.333 })
  })
})
