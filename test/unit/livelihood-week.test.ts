import { expect } from 'chai'
import type { LivelihoodCycle, LivelihoodProject, ProgressReport, ProjectRating } from '../../src/domain/livelihood.js'
import { cyclesInPlay, livelihoodWeek, NO_YEAR_YET, type CycleFacts, type LivelihoodWeekInput } from '../../src/domain/livelihood-week.js'

const zone = 'Asia/Shanghai'
const local = (s: string) => new Date(`${s}+08:00`)

function cycle(over: Partial<LivelihoodCycle>): LivelihoodCycle {
  return {
    id: 'lc-1',
    office: 'd01',
    year: 2027,
    title: '2027年湛河区民生实事项目',
    opensAt: local('2026-12-01T00:00:00'),
    // Closes at midnight: the 19th is the last day, as every deadline is said.
    closesAt: local('2026-12-20T00:00:00'),
    status: 'collecting',
    projectCount: 2,
    ballotSurveyId: null,
    createdBy: 'sf03',
    createdAt: local('2026-11-28T09:00:00'),
    updatedAt: local('2026-11-28T09:00:00'),
    ...over,
  }
}
const project = (id: string, title: string, unitId: string, status: LivelihoodProject['status'] = 'chosen') => ({ id, title, unitId, status })
const report = (projectId: string, quarter: 1 | 2 | 3 | 4, percent: number): Pick<ProgressReport, 'projectId' | 'quarter' | 'percent'> => ({
  projectId,
  quarter,
  percent,
})
const rating = (projectId: string, deputyId: string, grade: ProjectRating['grade']) => ({ projectId, deputyId, grade })
const units: Record<string, string> = { u01: '市住房和城乡建设局', u02: '湛河区人民政府' }

function facts(c: LivelihoodCycle, over: Partial<CycleFacts> = {}): CycleFacts {
  return { cycle: c, proposals: [], projects: [], reports: [], ratings: [], ballot: null, ...over }
}
/** The report of the week of `monday`, made at `now`, for 湛河区 (its own years, then the city's). */
function week(monday: string, now: Date, district: CycleFacts[], city: CycleFacts[] = []): LivelihoodWeekInput {
  const weekStart = local(`${monday}T00:00:00`)
  return {
    offices: [
      { officeName: '湛河区人大常委会', cycles: district },
      { officeName: '市人大常委会', cycles: city },
    ],
    weekStart,
    weekEnd: new Date(weekStart.getTime() + 7 * 86_400_000),
    now,
    timeZone: zone,
    graceDays: 15,
    unitName: (id) => units[id] ?? id,
  }
}

describe('the weekly report’s 民生实事: where each year stands, in words', () => {
  it('while proposals are collected: this week’s and all of them, and the last day with the days left', () => {
    const proposals = [
      { status: 'candidate' as const, createdAt: local('2026-12-02T10:00:00') },
      { status: 'submitted' as const, createdAt: local('2026-12-08T10:00:00') },
      { status: 'submitted' as const, createdAt: local('2026-12-10T15:00:00') },
      { status: 'submitted' as const, createdAt: local('2026-12-13T23:00:00') },
    ]
    const section = livelihoodWeek(
      week('2026-12-07', local('2026-12-14T08:00:00'), [facts(cycle({}), { proposals, projects: [project('p1', '老旧小区加装电梯', 'u01', 'candidate')] })]),
    )
    const [zhanhe, city] = section.offices
    expect(zhanhe.none).to.equal(null)
    expect(zhanhe.years.map((y) => [y.title, y.stageLabel])).to.deep.equal([['2027年湛河区民生实事项目', '征集项目']])
    expect(zhanhe.years[0].summary).to.equal('正在征集项目：本周收到建议 3 条，累计收到 4 条，已梳理出候选项目 1 个；12月19日截止，还有 5 天。')
    expect(zhanhe.years[0].attention).to.deep.equal(['有 3 条建议等待梳理（列入候选项目，或说明不列入的理由）。'])
    expect(city).to.deep.equal({ officeName: '市人大常委会', none: NO_YEAR_YET, years: [] })
    expect(NO_YEAR_YET).to.equal('今年的民生实事项目尚未开始征集')
  })

  it('says the last day of collection as “今天是最后一天”, and after it what the office does next', () => {
    const lastDay = livelihoodWeek(week('2026-12-14', local('2026-12-19T09:00:00'), [facts(cycle({}))]))
    expect(lastDay.offices[0].years[0].summary).to.equal('正在征集项目：本周收到建议 0 条，累计收到 0 条；12月19日截止，今天是最后一天。')
    const candidates = [project('p1', '加装电梯', 'u01', 'candidate'), project('p2', '老年食堂', 'u02', 'candidate')]
    const over = livelihoodWeek(week('2026-12-21', local('2026-12-22T09:00:00'), [facts(cycle({}), { projects: candidates })]))
    expect(over.offices[0].years[0].summary).to.equal('项目征集已于12月19日截止：累计收到建议 0 条，已梳理出候选项目 2 个。')
    expect(over.offices[0].years[0].attention).to.deep.equal(['可以提交代表票决了。'])
    const early = livelihoodWeek(week('2026-11-23', local('2026-11-30T09:00:00'), [facts(cycle({}))]))
    expect(early.offices[0].years[0].summary).to.equal('准备征集项目：12月1日开始征集，12月19日截止，还有 19 天。')
  })

  it('while deputies vote: that the ballot is on and when it closes; once closed, that the result waits', () => {
    const voting = cycle({ status: 'voting', ballotSurveyId: 'sv-1' })
    const ballot = { opensAt: local('2027-01-05T09:00:00'), closesAt: local('2027-01-10T18:00:00'), rollSize: 30 }
    const candidates = [
      project('p1', '加装电梯', 'u01', 'candidate'),
      project('p2', '老年食堂', 'u02', 'candidate'),
      project('p3', '口袋公园', 'u02', 'candidate'),
    ]
    const on = livelihoodWeek(week('2027-01-04', local('2027-01-06T09:00:00'), [facts(voting, { projects: candidates, ballot })]))
    expect(on.offices[0].years[0]).to.include({ stageLabel: '代表票决', summary: '代表票决正在进行：从 3 个候选项目中选出 2 个，1月10日截止，还有 4 天。' })
    expect(on.offices[0].years[0].attention).to.deep.equal([])
    const closed = livelihoodWeek(week('2027-01-11', local('2027-01-12T09:00:00'), [facts(voting, { projects: candidates, ballot })]))
    expect(closed.offices[0].years[0].summary).to.equal('代表票决已于1月10日结束：从 3 个候选项目中选出 2 个。')
    expect(closed.offices[0].years[0].attention).to.deep.equal(['票决已经结束，请确认票决结果，确定年度项目。'])
    const unknown = livelihoodWeek(week('2027-01-04', local('2027-01-06T09:00:00'), [facts(voting, { projects: candidates })]))
    expect(unknown.offices[0].years[0].summary).to.equal('代表票决正在进行：从 3 个候选项目中选出 2 个。')
  })

  it('while the projects run: each with its unit and latest progress, and the one whose due quarter is not reported', () => {
    const running = cycle({ status: 'running', year: 2026, title: '2026年湛河区民生实事项目' })
    const projects = [project('p1', '老旧小区加装电梯', 'u01'), project('p2', '社区老年食堂', 'u02'), project('p3', '口袋公园', 'u02', 'not_chosen')]
    const reports = [report('p1', 1, 20), report('p1', 3, 70), report('p1', 2, 45), report('p2', 1, 10), report('p2', 2, 30)]
    // The third quarter's reports were due by 10月15日 (its end plus 15 days): on the 19th 社区老年食堂's is late.
    const section = livelihoodWeek(week('2026-10-12', local('2026-10-19T08:00:00'), [facts(running, { projects, reports })]))
    const year = section.offices[0].years[0]
    expect(year).to.include({ stageLabel: '项目实施', summary: '项目正在实施：共 2 个年度项目，其中 1 个项目的进展没有按时填报。' })
    expect(year.attention).to.deep.equal(['「社区老年食堂」（湛河区人民政府）第3季度的进展还没有填报，请督促承办单位尽快填报。'])
    expect(year.projects).to.deep.equal([
      { title: '老旧小区加装电梯', unitName: '市住房和城乡建设局', latest: { quarter: 3, percent: 70 }, progress: '第3季度完成 70%', late: [], rating: null },
      { title: '社区老年食堂', unitName: '湛河区人民政府', latest: { quarter: 2, percent: 30 }, progress: '第2季度完成 30%', late: [3], rating: null },
    ])
    // Within the grace days nothing is late yet.
    const grace = livelihoodWeek(week('2026-10-05', local('2026-10-12T08:00:00'), [facts(running, { projects, reports })]))
    expect(grace.offices[0].years[0].summary).to.equal('项目正在实施：共 2 个年度项目，各项目的进展都已按时填报。')
    expect(grace.offices[0].years[0].attention).to.deep.equal([])
  })

  it('at year end: the ratings in so far, then the published result', () => {
    const projects = [project('p1', '老旧小区加装电梯', 'u01'), project('p2', '社区老年食堂', 'u02')]
    const ratings = [rating('p1', 'dp1', 'satisfied'), rating('p1', 'dp2', 'basically_satisfied'), rating('p2', 'dp1', 'unsatisfied')]
    const ballot = { opensAt: local('2026-01-05T09:00:00'), closesAt: local('2026-01-10T18:00:00'), rollSize: 30 }
    const rated = livelihoodWeek(
      week('2026-12-21', local('2026-12-28T08:00:00'), [facts(cycle({ status: 'rating', year: 2026 }), { projects, ratings: ratings.slice(0, 2), ballot })]),
    )
    expect(rated.offices[0].years[0].summary).to.equal('人大评议正在进行：已有 2 位代表参加评议，应参加评议的代表 30 位。')
    expect(rated.offices[0].years[0].projects.map((p) => [p.title, p.rating])).to.deep.equal([
      ['老旧小区加装电梯', '已收到评议 2 份'],
      ['社区老年食堂', '还没有收到评议'],
    ])
    const done = livelihoodWeek(week('2027-01-18', local('2027-01-25T08:00:00'), [facts(cycle({ status: 'published', year: 2026 }), { projects, ratings })]))
    expect(done.offices[0].years[0]).to.include({ stageLabel: '结果已公布', summary: '评议结果已公布：共 2 个年度项目。' })
    expect(done.offices[0].years[0].projects.map((p) => p.rating)).to.deep.equal([
      '满意 50%，基本满意 50%，不满意 0%（2 份评议）',
      '满意 0%，基本满意 0%，不满意 100%（1 份评议）',
    ])
  })

  it('speaks of the report’s year, the next year being collected, and last year until its results are out', () => {
    const years = [
      cycle({ id: 'a', year: 2024, status: 'rating' }),
      cycle({ id: 'b', year: 2025, status: 'published' }),
      cycle({ id: 'c', year: 2027, status: 'collecting' }),
      cycle({ id: 'd', year: 2026, status: 'running' }),
    ]
    expect(cyclesInPlay(years, 2026).map((c) => c.id)).to.deep.equal(['d', 'c'])
    expect(cyclesInPlay([cycle({ id: 'e', year: 2026, status: 'rating' })], 2027).map((c) => c.id)).to.deep.equal(['e'])
    expect(cyclesInPlay([cycle({ id: 'f', year: 2026, status: 'published' })], 2027)).to.deep.equal([])
  })
})
