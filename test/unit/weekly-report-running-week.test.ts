import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { composeWeeklyReport } from '../../src/domain/weekly-report.js'
import { weeklyReportWords } from '../../src/domain/weekly-report-words.js'
import { caseRecord } from '../store/records.js'

/**
 * 李 picks this week on its Monday at 1:59: five messages came last week, none yet this one. Two hours are not a
 * week: the report says it runs to 1:59 and does not say 比上周 少 5 条. The same week's report made after it ended
 * compares as before.
 */
const zone = 'Asia/Shanghai'
// The week of Monday 2026-12-07 in Shanghai.
const weekStart = new Date('2026-12-06T16:00:00Z')
const weekEnd = new Date('2026-12-13T16:00:00Z')
let n = 0
const lastWeek = Array.from({ length: 5 }, (): CaseRecord => {
  const createdAt = new Date(weekStart.getTime() - 3 * 86_400_000)
  return {
    ...caseRecord({ id: `cs-${++n}`, residentId: `r${n}`, text: '路灯坏了', regionId: 'xingfu', communityId: 'xingfu', createdAt, updatedAt: createdAt }),
    ticket: `20261203-${String(n).padStart(4, '0')}`,
  }
})
const made = (now: Date) => composeWeeklyReport({ weekStart, weekEnd, now, cases: lastWeek, answered: [], rated: [], openCases: [], name: (_kind, id) => id })

describe('a weekly report of a week still running', () => {
  it('says how far it counts beside its days and does not compare a part of a week with a whole one', () => {
    // Monday 2026-12-07 1:59 in Shanghai.
    const words = weeklyReportWords(made(new Date('2026-12-06T17:59:00Z')), zone)
    expect(words.runningText).to.equal('本周还没过完，统计到12月7日 1:59')
    expect(words.weekOnWeekText).to.equal('本周还没过完，暂不比较')
  })

  it('compares once the week has ended, and says nothing of running', () => {
    const words = weeklyReportWords(made(new Date(weekEnd.getTime() + 3_600_000)), zone)
    expect(words.runningText).to.equal(null)
    expect(words.weekOnWeekText).to.equal('少 5 条')
  })
})
