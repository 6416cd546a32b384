import { expect } from 'chai'
import { deputyYearRecord, type RecordSources } from '../../src/domain/deputy-record.js'
import { DEFAULT_POINT_RULES, recordPoints, ruleProblems } from '../../src/domain/record-points.js'
import { activityProblems, mayReviewActivity } from '../../src/domain/record-activity.js'

const NOW = new Date('2026-11-26T02:00:00Z')
const before = new Date('2026-11-20T02:00:00Z')
const ahead = new Date('2026-12-20T02:00:00Z')
const due = new Date('2026-11-30T00:00:00Z')
const sources = (over: Partial<RecordSources> = {}): RecordSources => ({
  deputyId: 'dp1',
  year: 2026,
  today: '2026-11-26',
  now: NOW,
  invitations: [],
  cases: [],
  dutyDates: [],
  checkIns: 0,
  attempts: [],
  ballots: [],
  suggestions: null,
  activities: [],
  ...over,
})
const invited = (startAt: Date, rsvp: 'pending' | 'attend' | 'leave', checkedIn: boolean, status: 'published' | 'cancelled' = 'published') => ({
  meeting: { status, startAt },
  invitation: { rsvp, checkedInAt: checkedIn ? startAt : null },
})
const aCase = (over: Record<string, unknown>) =>
  ({ status: 'replied', mergedInto: null, repliedAt: null, replyDueAt: due, rating: null, ratings: [], ...over }) as never

describe('a deputy’s year (履职档案), counted', () => {
  it('counts only meetings held: attended, excused (leave asked, not come), absent; one ahead or cancelled is nobody’s duty', () => {
    const r = deputyYearRecord(
      sources({
        invitations: [
          invited(before, 'attend', true),
          invited(before, 'leave', false),
          invited(before, 'leave', true),
          invited(before, 'pending', false),
          invited(ahead, 'attend', false),
          invited(before, 'attend', false, 'cancelled'),
        ],
      }),
    )
    expect(r.meetings).to.deep.equal({ held: 4, attended: 2, excused: 1, absent: 1 })
  })

  it('counts messages answered on time and late, leaves out withdrawn, rejected and merged ones, averages the latest ratings', () => {
    const r = deputyYearRecord(
      sources({
        cases: [
          aCase({ repliedAt: before, ratings: [{ rating: 2 }, { rating: 4 }] }),
          aCase({ repliedAt: ahead, status: 'closed', rating: 5 }),
          aCase({ status: 'acknowledged' }),
          aCase({ status: 'withdrawn' }),
          aCase({ status: 'rejected' }),
          aCase({ mergedInto: 'cs-x' }),
        ],
      }),
    )
    expect(r.cases).to.deep.equal({
      handled: 3,
      answered: 2,
      answeredOnTime: 1,
      answeredLate: 1,
      sentBack: 0,
      open: 1,
      overdueOpen: 0,
      sentBackOverdue: 0,
      repliedInTimeShare: 0.5,
      rated: 2,
      averageSatisfaction: 4.5,
      byDistrict: {},
    })
  })

  it('counts an answer sent back for 重新办理 as answered (sentBack), its rating with it: one story, not "已答复 0 件，满意度 2 分"', () => {
    const r = deputyYearRecord(
      sources({
        cases: [
          // Answered on time, rated 2, reopened: repliedAt cleared, her rating kept.
          aCase({ status: 'reopened', repliedAt: null, ratings: [{ rating: 2 }] }),
          // Reopened, answered again on time and rated 4: counted once, by its latest rating.
          aCase({ status: 'closed', repliedAt: before, rating: 4, ratings: [{ rating: 1 }, { rating: 4 }] }),
          aCase({ status: 'assigned' }),
        ],
      }),
    )
    expect(r.cases).to.deep.equal({
      handled: 3,
      answered: 2,
      answeredOnTime: 1,
      answeredLate: 0,
      sentBack: 1,
      open: 2,
      overdueOpen: 0,
      sentBackOverdue: 0,
      repliedInTimeShare: 1,
      rated: 2,
      averageSatisfaction: 3,
      byDistrict: {},
    })
    const points = recordPoints(r, DEFAULT_POINT_RULES).lines.find((l) => l.item === 'case_answered_on_time')!
    expect(points, 'no points for an answer sent back until it is answered again').to.include({ count: 1, subtotal: 3 })
  })

  it('counts duty days of the year as rostered, served only with an approved 进站接待 that day; each quiz once at its best; ballots cast', () => {
    const r = deputyYearRecord(
      sources({
        dutyDates: ['2025-12-30', '2026-03-04', '2026-11-25', '2026-11-26', '2026-12-02'],
        activities: [
          { status: 'approved', kind: 'reception', date: '2026-03-04' },
          // Reported but not yet approved, and another kind of activity on a duty day: no record that he served.
          { status: 'pending', kind: 'reception', date: '2026-11-25' },
          { status: 'approved', kind: 'research', date: '2026-11-26' },
        ],
        attempts: [
          { quizId: 'q1', status: 'submitted', score: 5, maxScore: 10 },
          { quizId: 'q1', status: 'submitted', score: 9, maxScore: 10 },
          { quizId: 'q2', status: 'expired', score: null, maxScore: 10 },
          { quizId: 'q3', status: 'submitted', score: 7, maxScore: 10 },
        ],
        ballots: [{ cast: true }, { cast: false }],
      }),
    )
    expect(r.duty, 'rostered up to today is not served: only 3月4日 is recorded').to.deep.equal({ scheduled: 4, served: 1 })
    expect(recordPoints(r, DEFAULT_POINT_RULES).lines.find((l) => l.item === 'duty_day_served')).to.include({ count: 1, subtotal: 2 })
    expect(r.study).to.deep.equal({ checkIns: 0, quizzesTaken: 2, averageScorePercent: 80 })
    expect(r.ballots).to.deep.equal({ onRoll: 2, cast: 1 })
  })
})

describe('points (履职积分) by the office’s rules', () => {
  it('explains each line, applies a cap, and adds them up; suggestions count 0 until known', () => {
    const record = deputyYearRecord(
      sources({
        checkIns: 25,
        activities: [
          { status: 'approved', kind: 'research', date: '2026-05-06' },
          { status: 'pending', kind: 'research', date: '2026-05-07' },
        ],
      }),
    )
    const { total, lines } = recordPoints(record, DEFAULT_POINT_RULES)
    const line = (item: string) => lines.find((l) => l.item === item)!
    expect(line('study_check_in').explanation).to.equal('学习打卡 25 次 × 1 分 = 25 分，超过上限 20 分，计 20 分')
    expect(line('activity_approved')).to.include({ count: 1, subtotal: 3 })
    expect(line('suggestion_made')).to.include({ count: 0, subtotal: 0 })
    expect(total).to.equal(23)
    expect(recordPoints(record, [{ item: 'study_check_in', points: 0.5, cap: null }]).total).to.equal(12.5)
  })

  it('refuses rules naming an item twice', () => {
    expect(ruleProblems([DEFAULT_POINT_RULES[0]!, DEFAULT_POINT_RULES[0]!])).to.deep.equal([{ path: 'rules[1].item', message: '「参加会议活动」重复' }])
  })
})

describe('reported activities', () => {
  it('take no date ahead of today nor older than last year, and are reviewed by their station’s staff only', () => {
    expect(activityProblems({ date: '2026-11-27' }, '2026-11-26')).to.deep.equal([{ path: 'date', message: '活动日期不能晚于今天' }])
    expect(activityProblems({ date: '2024-12-31' }, '2026-11-26')).to.deep.equal([{ path: 'date', message: '只能报告今年和去年的活动' }])
    expect(activityProblems({ date: '2025-01-01' }, '2026-11-26')).to.deep.equal([])
    expect(mayReviewActivity({ role: 'station_staff', stationIds: ['st1'] }, { stationId: 'st1' })).to.equal(true)
    expect(mayReviewActivity({ role: 'organizer', stationIds: ['st1'] }, { stationId: 'st1' })).to.equal(false)
  })
})
