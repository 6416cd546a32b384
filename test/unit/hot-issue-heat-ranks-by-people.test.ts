import { expect } from 'chai'
import { groupHotIssues, type HotIssueCase } from '../../src/domain/hot-issues.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Monday 30 November 2026, 00:00 in Shanghai: the week of 周主任's 分析周报. */
const WEEK = new Date('2026-11-29T16:00:00Z')
let n = 0
const message = (text: string, place: string, at: Date, over: Partial<HotIssueCase> = {}): HotIssueCase => ({
  id: `c${String(++n).padStart(3, '0')}`,
  text,
  residentId: `r${n}`,
  communityId: place,
  districtId: 'd01',
  stationId: 'st001',
  topic: '环境保护',
  createdAt: at,
  reopenCount: 0,
  overdue: false,
  ...over,
})
const day = (from: Date, days: number, hour = 0) => new Date(from.getTime() + days * DAY + hour * HOUR)

/**
 * 周主任 reads the week's top issues and the month's 热点问题 to decide what to 督办. 热度 must rank by how many families
 * a problem touches and how bad and lasting it is, never by the weekday they wrote on (review 38 § 2).
 */
describe('热度 ranks by how many people a problem touches, never by when in the window they wrote', () => {
  it('puts six families kept awake by night building work, all written on Monday and Tuesday, above three on broken gym equipment written on Friday', () => {
    const noise = [0, 0, 0, 1, 1, 1].map((d, i) => message(`文昌社区附近工地晚上施工噪音扰民，${i + 1}号楼睡不着觉`, 'wenchang', day(WEEK, d, 20 + (i % 3))))
    const gym = [4, 5, 6].map((d, i) => message(`光明社区健身器材坏了，${i + 1}号楼旁边的器材没人修`, 'guangming', day(WEEK, d, 9), { topic: '文化旅游' }))
    const issues = groupHotIssues([...noise, ...gym], { from: WEEK, to: day(WEEK, 7) })
    expect(issues.map((i) => [i.placeId, i.residents])).to.deep.equal([
      ['wenchang', 6],
      ['guangming', 3],
    ])
    expect(issues[0].index).to.be.greaterThan(issues[1].index)
  })

  it('gives the same 热度 to the same six messages whichever half of the week they came in', () => {
    const texts = [1, 2, 3, 4, 5, 6].map((i) => `文昌社区工地晚上施工噪音扰民，${i}号楼睡不着`)
    const early = groupHotIssues(
      texts.map((t, i) => message(t, 'wenchang', day(WEEK, 0, 20 + i))),
      { from: WEEK, to: day(WEEK, 7) },
    )
    const late = groupHotIssues(
      texts.map((t, i) => message(t, 'wenchang', day(WEEK, 6, 10 + i))),
      { from: WEEK, to: day(WEEK, 7) },
    )
    expect(early[0].index).to.equal(late[0].index)
  })

  it('ranks a lift that broke twice in the month, six families, above two neighbours who wrote late in the month', () => {
    const month = { from: day(WEEK, -23), to: day(WEEK, 7) }
    const lift = [
      ...[0, 0, 1, 1, 1].map((d, i) => message(`光明社区3号楼电梯又坏了，老人上不去楼（${i + 1}）`, 'guangming', day(WEEK, -14 + d, 9), { topic: '城乡建设' })),
      message('光明社区3号楼电梯又坏了，老人上不去楼（6）', 'guangming', day(WEEK, 1, 9), { topic: '城乡建设' }),
    ]
    // Two neighbours late in the month, one of whom sent the answer back: no reason to rank above six families.
    const pair = [5, 6].map((d) => message('鼓楼社区路灯不亮，晚上走路看不清', 'gulou', day(WEEK, d, 19), { topic: '城乡建设', reopenCount: d === 5 ? 1 : 0 }))
    const issues = groupHotIssues([...lift, ...pair], month)
    expect(issues.map((i) => [i.placeId, i.residents, i.weeks])).to.deep.equal([
      ['guangming', 6, 2],
      ['gulou', 2, 1],
    ])
  })

  it('still lets answers sent back and left overdue raise a problem of as many families', () => {
    const quiet = [1, 2, 3].map((i) => message(`建新社区垃圾站太臭，${i}号楼没法开窗`, 'jianxin', day(WEEK, 1, i)))
    const neglected = [1, 2, 3].map((i) => message(`幸福社区水管漏水，${i}号楼没人来修`, 'xingfu', day(WEEK, 1, i), { overdue: true, reopenCount: 1 }))
    const issues = groupHotIssues([...quiet, ...neglected], { from: WEEK, to: day(WEEK, 7) })
    expect(issues.map((i) => i.placeId)).to.deep.equal(['xingfu', 'jianxin'])
  })
})
