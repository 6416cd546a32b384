import { expect } from 'chai'
import type { CaseRecord } from '../../src/domain/case.js'
import { composeWeeklyReport, receivedChange } from '../../src/domain/weekly-report.js'
import { countedEarlierDifferences, countedEarlierText, receivedText, satisfactionText, weekOnWeekText } from '../../src/domain/weekly-report-words.js'
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
const names: Record<string, string> = {
  xingfu: '幸福社区',
  heping: '和平社区',
  st1: '幸福联络站',
  st2: '和平联络站',
  dpA: '王代表',
  dpB: '李代表',
  dpC: '赵代表',
  // The deputies' order: their keys (dp1, dp2, dp3), their names (李, 王, 赵) and the meeting's order all differ.
  dp1: '李建国',
  dp2: '赵敏',
  dp3: '王芳',
}
const name = (_kind: string, id: string) => names[id] ?? id

describe('the weekly report: figures a person can count by hand', () => {
  // This week: 3 lift messages from 幸福 (one replied in 2 days, rated 4; the clerk asked for the other two to be
  // answered the next day, 要求答复日期, and they were not), 1 water message from 和平 (replied in 5 days, rated 2),
  // 1 rejected (not counted). Last week: 2 lift messages.
  const lift = (d: number, over: Partial<CaseRecord> = {}) => aCase({ text: '3号楼电梯坏了，老人上不去楼，请尽快修电梯', createdAt: day(d), ...over })
  const answerNextDay = (d: number) => ({ replyDueAt: new Date(day(d).getTime() + 86_400_000) })
  const thisWeek = [
    lift(0, { status: 'replied', acknowledgedAt: day(0, 5), repliedAt: day(2), ratings: [{ rating: 4, comment: null, at: day(3) }], rating: 4 }),
    lift(1, answerNextDay(1)),
    lift(2, answerNextDay(2)),
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
  // Still open from before: its answer was due 3 days before now.
  const old = aCase({
    text: '噪音扰民',
    topic: '环境保护',
    createdAt: new Date(now.getTime() - 20 * 86_400_000),
    replyDueAt: new Date(now.getTime() - 3 * 86_400_000 - 3_600_000),
  })
  // Open from before too, not yet acknowledged a day after that was due, its answer due in ten days: 未按时受理, not 超期.
  const ackedLate = aCase({
    text: '小区门口积水',
    createdAt: new Date(now.getTime() - 5 * 86_400_000),
    ackDueAt: new Date(now.getTime() - 4 * 86_400_000),
    replyDueAt: new Date(now.getTime() + 10 * 86_400_000),
  })

  const report = composeWeeklyReport({
    weekStart,
    weekEnd,
    now,
    cases: [...lastWeek, ...thisWeek],
    answered: [thisWeek[0], thisWeek[3]],
    rated: [thisWeek[0], thisWeek[3]],
    openCases: [thisWeek[1], thisWeek[2], old, ackedLate],
    name,
  })

  it("counts the week's messages, residents, replies and satisfaction", () => {
    expect(report.totals).to.deep.equal({
      messages: 4,
      previousMessages: 2,
      residents: 4,
      replied: 2,
      repliedSentBack: 0,
      closed: 0,
      overdueOpen: 3,
      satisfaction: 3,
      received: 5,
      previousReceived: 2,
      rejected: 1,
      merged: 0,
      rated: 2,
      satisfiedShare: 0.5,
    })
  })

  it('lists the lift as the top issue, in its community, hotter than last week', () => {
    expect(report.topIssues).to.have.length(1)
    expect(report.topIssues[0]).to.include({ rank: 1, messages: 3, residents: 3, placeName: '幸福社区', topic: '城乡建设', trend: 'up' })
    expect(report.topIssues[0].previousIndex).to.be.a('number')
  })

  it('gives 本周热度 in whole numbers, as it is shown: an index, not a measurement', () => {
    // (3 messages + 2 × 3 residents) × (1 + (2/3 overdue) / 2) × (1: one week) = 12.
    expect(report.topIssues[0].index).to.equal(12)
    expect(Number.isInteger(report.topIssues[0].previousIndex)).to.equal(true)
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

  it('lists the overdue cases (past their reply deadline), most overdue first, and the slowest answers', () => {
    expect(
      report.overdue.map((o) => o.ticket),
      'one only acknowledged late is not overdue',
    ).not.to.include(ackedLate.ticket)
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

describe("the weekly report: the week's answers, what it leaves out, and how it says satisfaction", () => {
  // 幸福联络站's week: the week's messages, one 不予受理, one merged into the first; and two of weeks ago answered this
  // week. 王芳 (dp3) holds four of the week's messages (one overdue), 赵敏 (dp2) three (two overdue), 李建国 (dp1) three
  // (none): in the meeting's order 王, 赵, 李; by key 李, 赵, 王; by name 李, 王, 赵.
  // Overdue is past the reply deadline: the clerk asked for the late ones to be answered the next day (要求答复日期).
  const longAgo = (days: number) => new Date(weekStart.getTime() - days * 86_400_000)
  const lateAnswer = aCase({ text: '楼道灯坏了', createdAt: longAgo(20), acknowledgedAt: longAgo(19), status: 'replied', repliedAt: day(2) })
  const earlyAnswer = aCase({ text: '井盖松了', createdAt: longAgo(9), acknowledgedAt: longAgo(9), status: 'closed', repliedAt: day(1), closedAt: day(4) })
  const rated = (rating: number, d: number, deputyId = 'dp3') =>
    aCase({
      deputyId,
      createdAt: day(d),
      status: 'replied',
      acknowledgedAt: day(d, 3),
      repliedAt: day(d + 1),
      rating,
      ratings: [{ rating, comment: null, at: day(d + 1, 5) }],
    })
  const week = [
    rated(5, 0),
    rated(4, 1),
    rated(2, 2, 'dp2'),
    aCase({ deputyId: 'dp2', createdAt: day(3), replyDueAt: day(4) }),
    aCase({ deputyId: 'dp2', createdAt: day(3), replyDueAt: day(4) }),
    // Overdue at the week's end: its answer was asked for a day after it came.
    aCase({ deputyId: 'dp3', createdAt: day(0), replyDueAt: day(1) }),
    aCase({ text: '卖保健品', status: 'rejected', createdAt: day(4) }),
    // Written on Sunday evening: to be acknowledged after the report was made.
    aCase({ deputyId: 'dp3', createdAt: day(6, 20) }),
    ...[1, 2, 3].map(() => aCase({ deputyId: 'dp1', createdAt: day(6, 20) })),
  ]
  const merged = aCase({ status: 'closed', createdAt: day(1, 5), mergedInto: week[0].id })
  const report = composeWeeklyReport({
    weekStart,
    weekEnd,
    now,
    overdueAt: weekEnd,
    cases: [...week, merged],
    // The store reads the week's answers by when they were given: the two old messages with this week's own.
    answered: [lateAnswer, earlyAnswer, week[0], week[1], week[2]],
    rated: [week[0], week[1], week[2]],
    openCases: [week[3], week[4], week[5]],
    name,
  })

  it('counts every answer given in the week, an answer to a message of weeks ago too, and lists the slowest first', () => {
    expect(report.totals).to.include({ replied: 5, closed: 1 })
    expect(report.slowest.map((s) => [s.ticket, s.daysToReply]).slice(0, 2)).to.deep.equal([
      [lateAnswer.ticket, 22.1],
      [earlyAnswer.ticket, 10.1],
    ])
    expect(report.slowest.slice(2).map((s) => s.daysToReply)).to.deep.equal([1, 1, 1])
  })

  it('says 收到 as 工作概览 counts it, and which of them it leaves out of its figures', () => {
    expect(report.totals).to.include({ received: 12, messages: 10, rejected: 1, merged: 1 })
    expect(receivedText(report)).to.equal('其中不予受理 1 条、与其他留言合并 1 条，不计入下面的统计')
  })

  it('says 比上周 against the week before as 收到 counts both; a report kept before that, by the messages it counted', () => {
    expect(receivedChange(report)).to.deep.equal({ received: 12, change: 12 })
    expect(weekOnWeekText(receivedChange(report).change)).to.equal('多 12 条')
    const kept = { totals: { ...report.totals, received: undefined, previousReceived: undefined, previousMessages: 13 } }
    expect(receivedChange(kept)).to.deep.equal({ received: 10, change: -3 })
    expect(weekOnWeekText(-3)).to.equal('少 3 条')
    expect(weekOnWeekText(0)).to.equal('持平')
  })

  it('says how many rated, and the share satisfied (4 or 5), beside the average', () => {
    expect(report.totals).to.include({ satisfaction: 3.67, rated: 3, satisfiedShare: 0.667 })
    expect(satisfactionText(report)).to.equal('本周 3 人评价，满意率 67%（4 分、5 分算满意）')
  })

  it('lists the deputies with the most messages first, the most overdue first among equals', () => {
    expect(report.byDeputy.map((d) => [d.name, d.stats.total, d.stats.overdueOpen])).to.deep.equal([
      ['王芳', 4, 1],
      ['赵敏', 3, 2],
      ['李建国', 3, 0],
    ])
  })
})

describe('the weekly report: 满意度 is how residents rated answers in the week', () => {
  // A message of weeks ago rated 5 this week; one of this week rated 2 this week and then reopened (重新办理), its
  // rating cleared; one of weeks ago rated 3 the week before and 4 in it; and one of this week rated 1 only after it.
  const longAgo = new Date(weekStart.getTime() - 20 * 86_400_000)
  const answeredCase = (over: Partial<CaseRecord>) => aCase({ status: 'closed', acknowledgedAt: day(0, 3), repliedAt: day(1), closedAt: day(2), ...over })
  const oldRated = answeredCase({
    topic: '教育',
    communityId: 'heping',
    createdAt: longAgo,
    rating: 5,
    ratedAt: day(2),
    ratings: [{ rating: 5, comment: null, at: day(2) }],
  })
  const reopened = answeredCase({
    status: 'reopened',
    closedAt: null,
    rating: null,
    ratedAt: null,
    reopenCount: 1,
    ratings: [{ rating: 2, comment: '没修好', at: day(3) }],
  })
  const ratedTwice = answeredCase({
    createdAt: longAgo,
    rating: 4,
    ratedAt: day(4),
    ratings: [
      { rating: 3, comment: null, at: new Date(weekStart.getTime() - 86_400_000) },
      { rating: 4, comment: null, at: day(4) },
    ],
  })
  const ratedNextWeek = answeredCase({
    rating: 1,
    ratedAt: new Date(weekEnd.getTime() + 3_600_000),
    ratings: [{ rating: 1, comment: null, at: new Date(weekEnd.getTime() + 3_600_000) }],
  })
  const report = composeWeeklyReport({
    weekStart,
    weekEnd,
    now: new Date(weekEnd.getTime() + 2 * 86_400_000),
    cases: [reopened, ratedNextWeek],
    answered: [],
    // The store reads the cases with a rating given in the week, whenever they were written.
    rated: [oldRated, reopened, ratedTwice],
    openCases: [],
    name,
  })

  it('averages the ratings given in the week, to messages of any week, a low one a reopen cleared too, not those given after', () => {
    // 5, 2 and 4; not the 3 given the week before, nor the 1 given after the week to one of its messages.
    expect(report.totals).to.include({ satisfaction: 3.67, rated: 3, satisfiedShare: 0.667 })
    expect(satisfactionText(report)).to.equal('本周 3 人评价，满意率 67%（4 分、5 分算满意）')
  })

  it('gives satisfaction by topic and place by the same ratings, a topic rated but not written about this week too', () => {
    expect(report.byTopic).to.deep.equal([
      { topic: '城乡建设', messages: 2, previous: 0, satisfaction: 3 },
      { topic: '教育', messages: 0, previous: 0, satisfaction: 5 },
    ])
    expect(report.byPlace.map((p) => [p.name, p.messages, p.satisfaction])).to.deep.equal([
      ['幸福社区', 2, 3],
      ['和平社区', 0, 5],
    ])
  })

  it('says on a report kept before that its 满意度 counted the week’s messages’ ratings, and offers to count again', () => {
    expect(report.counting).to.equal(5)
    expect(countedEarlierText(report, 'Asia/Shanghai')).to.equal(null)
    expect(countedEarlierDifferences(report)).to.equal(null)
    // One sentence a director acts on; which figures differ is a list of its own, read behind 看哪些不同.
    expect(countedEarlierText({ counting: 3, generatedAt: now }, 'Asia/Shanghai')).to.equal(
      '这份周报是11月30日 9:00 按旧的统计办法算的，有几项数字和“工作概览”对不上。请点右边“重新生成”。',
    )
    expect(countedEarlierDifferences({ counting: 3 })).to.deep.equal([
      '区的周报按居民住在哪个区统计留言，没有算别的区转来、由本区办理的留言，和“工作概览”的数字可能不一样',
      '“满意度”算的是本周收到的留言后来得到的评价，不是本周群众给出的评价',
      '“已超期”和“已超期、还没答复的留言”把只是受理晚了、还没到答复期限的留言也算作超期',
      '“本周答复”没有算上本周答复后又被群众要求重新办理的留言',
    ])
    // Kept before 超期 was the reply deadline's and a sent-back answer kept its week (counting 4): only that is listed.
    expect(countedEarlierDifferences({ counting: 4 })).to.deep.equal([
      '“已超期”和“已超期、还没答复的留言”把只是受理晚了、还没到答复期限的留言也算作超期',
      '“本周答复”没有算上本周答复后又被群众要求重新办理的留言',
    ])
    // Its sentence under 满意度 says what it counted then: without 本周.
    expect(satisfactionText({ ...report, counting: 3 })).to.equal('3 人评价，满意率 67%（4 分、5 分算满意）')
  })
})
