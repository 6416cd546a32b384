import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { composeWeeklyReport } from '../../src/domain/weekly-report.js'
import { caseRecord } from '../store/records.js'

// The week of Monday 2026-11-23 in Shanghai; "now" is the next Monday morning.
const weekStart = new Date('2026-11-22T16:00:00Z')
const weekEnd = new Date('2026-11-29T16:00:00Z')
const now = new Date('2026-11-30T01:00:00Z')
const day = (d: number, h = 2) => new Date(weekStart.getTime() + d * 86_400_000 + h * 3_600_000)
let n = 0
/** A stored case of this week's city: its own resident and ticket, deadlines counted from when it was written. */
function aCase(over: Partial<CaseRecord>): CaseRecord {
  const createdAt = over.createdAt ?? day(0)
  const place = { regionId: 'xingfu', communityId: 'xingfu', stationId: 'st1', deputyId: 'dpA', routingReasons: [] }
  const clocks = {
    createdAt,
    updatedAt: createdAt,
    ackDueAt: new Date(createdAt.getTime() + 86_400_000),
    replyDueAt: new Date(createdAt.getTime() + 15 * 86_400_000),
  }
  return {
    ...caseRecord({ id: `cs-${++n}`, residentId: `r${n}`, text: '路灯坏了', ...place, ...clocks, ...over }),
    ticket: `20261123-${String(n).padStart(4, '0')}`,
  }
}
const names: Record<string, string> = { xingfu: '幸福社区', heping: '和平社区', st1: '幸福联络站', st2: '和平联络站', dpA: '王代表', dpB: '李代表' }
const name = (_kind: string, id: string) => names[id] ?? id

describe('the weekly report: figures a person can count by hand', () => {
  // This week: 3 lift messages from 幸福 (one replied in 2 days, rated 4), 1 water message from 和平
  // (replied in 5 days, rated 2), 1 rejected (not counted). Last week: 2 lift messages.
  const lift = (d: number, over: Partial<CaseRecord> = {}) => aCase({ text: '3号楼电梯坏了，老人上不去楼，请尽快修电梯', createdAt: day(d), ...over })
  const thisWeek = [
    lift(0, { status: 'replied', acknowledgedAt: day(0, 5), repliedAt: day(2), ratings: [{ rating: 4, comment: null, at: day(3) }], rating: 4 }),
    lift(1),
    lift(2),
    aCase({
      text: '自来水发黄有异味',
      topic: '环境保护',
      communityId: 'heping',
      regionId: 'heping',
      stationId: 'st2',
      deputyId: 'dpB',
      createdAt: day(1),
      status: 'replied',
      acknowledgedAt: day(1, 4),
      repliedAt: day(6),
      ratings: [{ rating: 2, comment: '没解决', at: day(6, 5) }],
      rating: 2,
    }),
    aCase({ text: '广告', status: 'rejected', createdAt: day(3) }),
  ]
  const lastWeek = [lift(-6), lift(-5)]
  // Still open from before: acknowledgement was due 3 days before now.
  const old = aCase({
    text: '噪音扰民',
    topic: '环境保护',
    createdAt: new Date(now.getTime() - 4 * 86_400_000),
    ackDueAt: new Date(now.getTime() - 3 * 86_400_000 - 3_600_000),
  })

  const report = composeWeeklyReport({ weekStart, weekEnd, now, cases: [...lastWeek, ...thisWeek], openCases: [thisWeek[1], thisWeek[2], old], name })

  it("counts the week's messages, residents, replies and satisfaction", () => {
    expect(report.totals).to.deep.equal({ messages: 4, previousMessages: 2, residents: 4, replied: 2, closed: 0, overdueOpen: 3, satisfaction: 3 })
  })

  it('lists the lift as the top issue, in its community, hotter than last week', () => {
    expect(report.topIssues).to.have.length(1)
    expect(report.topIssues[0]).to.include({ rank: 1, messages: 3, residents: 3, placeName: '幸福社区', topic: '城乡建设', trend: 'up' })
    expect(report.topIssues[0].previousIndex).to.be.a('number')
  })

  it('gives messages and satisfaction by topic and by place', () => {
    expect(report.byTopic).to.deep.equal([
      { topic: '城乡建设', messages: 3, previous: 2, satisfaction: 4 },
      { topic: '环境保护', messages: 1, previous: 0, satisfaction: 2 },
    ])
    expect(report.byPlace.map((p) => [p.name, p.messages, p.satisfaction])).to.deep.equal([
      ['幸福社区', 3, 4],
      ['和平社区', 1, 2],
    ])
  })

  it('lists the overdue cases, most overdue first, and the slowest answers', () => {
    expect(report.overdue.map((o) => [o.ticket, o.daysOverdue])).to.deep.equal(
      [
        [old.ticket, 3],
        [thisWeek[1].ticket, 5],
        [thisWeek[2].ticket, 4],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    )
    expect(report.slowest.map((s) => [s.deputy, s.daysToReply])).to.deep.equal([
      ['李代表', 5],
      ['王代表', 2],
    ])
  })

  it('shows responsiveness by deputy and station', () => {
    expect(report.byDeputy.map((d) => [d.name, d.stats.total, d.stats.finalSatisfaction])).to.deep.equal([
      ['王代表', 3, 4],
      ['李代表', 1, 2],
    ])
    expect(report.byStation.map((s) => s.name)).to.deep.equal(['幸福联络站', '和平联络站'])
  })
})
