import { expect } from 'chai'
import { DEFAULT_SPIKE, groupHotIssues, heatIndex, spikingIssues, type HotIssueCase } from '../../src/domain/hot-issues.js'
import { caseSeries, mondayOf, periodOf } from '../../src/domain/case-series.js'

const T0 = new Date('2026-11-23T02:00:00Z') // Monday 10:00 in Shanghai
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000)
let n = 0
const message = (text: string, over: Partial<HotIssueCase> = {}): HotIssueCase => ({
  id: `c${String(++n).padStart(3, '0')}`,
  text,
  residentId: `r${n}`,
  communityId: 'xingfu',
  districtId: 'd01',
  stationId: 'st001',
  topic: '城乡建设',
  createdAt: hours(n),
  reopenCount: 0,
  overdue: false,
  ...over,
})
const week = { from: T0, to: hours(24 * 7) }

describe('hot issues: similar messages from one place grouped, with a heat index', () => {
  it('groups five families writing about the same broken lift, apart from a streetlight and another community', () => {
    const lift = [
      message('幸福小区3号楼电梯又坏了，老人上不去楼，请尽快修电梯'),
      message('3号楼的电梯坏了一个星期了，没人来修，老人上下楼太难了'),
      message('我们小区电梯坏了好几天，物业不管，老人腿脚不便上不去楼'),
      message('电梯又坏了！老人上不去楼，求求代表帮忙催一下修电梯'),
      message('3号楼电梯坏了没人修，老人只能在楼下等，太难了'),
    ]
    const light = message('小区门口的路灯晚上不亮，走路看不清')
    const elsewhere = message('3号楼电梯坏了，老人上不去楼，请尽快修', { communityId: 'heping' })
    const issues = groupHotIssues([...lift, light, elsewhere], week)
    expect(issues).to.have.length(1)
    const [issue] = issues
    expect(issue.caseIds).to.deep.equal(lift.map((c) => c.id))
    expect(issue).to.include({ key: lift[0].id, messages: 5, residents: 5, placeId: 'xingfu', stationId: 'st001', topic: '城乡建设' })
    expect(issue.description).to.contain('电梯')
  })

  it('counts distinct residents double, and a reopened, overdue or recurring issue as hotter', () => {
    expect(heatIndex({ messages: 4, residents: 1, weeks: 1, reopenShare: 0, overdueShare: 0 })).to.equal(6)
    expect(heatIndex({ messages: 4, residents: 4, weeks: 1, reopenShare: 0, overdueShare: 0 })).to.equal(12)
    expect(heatIndex({ messages: 4, residents: 4, weeks: 2, reopenShare: 0, overdueShare: 0 })).to.equal(15)
    expect(heatIndex({ messages: 4, residents: 4, weeks: 1, reopenShare: 0.5, overdueShare: 0.25 })).to.equal(16.5)
  })

  it('masks a phone number or a name in the description', () => {
    const a = message('我叫张三，电话13812345678，小区水管漏水好几天了')
    const b = message('小区水管漏水好几天了，一直没人来修水管')
    const [issue] = groupHotIssues([a, b], week)
    expect(issue.description).not.to.contain('13812345678')
    expect(issue.description).not.to.contain('张三')
  })

  it('announces a spike (five in 48 hours) once, even after the issue grows', () => {
    const texts = ['垃圾站臭气熏天，夏天没法开窗', '垃圾站太臭了没法开窗', '小区垃圾站臭气熏天', '垃圾站臭得没法开窗户', '垃圾站臭气熏天请处理']
    const cases = texts.map((t) => message(t, { communityId: 'yangguang' }))
    const now = cases[4].createdAt
    const issues = groupHotIssues(cases, week)
    expect(spikingIssues(issues, cases, DEFAULT_SPIKE, now, new Set())).to.have.length(1)
    expect(
      spikingIssues(
        issues.map((i) => ({ ...i, caseIds: i.caseIds.slice(0, 4) })),
        cases,
        DEFAULT_SPIKE,
        now,
        new Set(),
      ),
      'four is no spike',
    ).to.have.length(0)
    const grown = [...cases, message('垃圾站臭气熏天，还有老鼠', { communityId: 'yangguang' })]
    expect(spikingIssues(groupHotIssues(grown, week), grown, DEFAULT_SPIKE, now, new Set([cases[0].id]))).to.have.length(0)
  })

  it('counts per community and week, with empty weeks as zero', () => {
    expect(mondayOf('2026-12-03')).to.equal('2026-11-30')
    expect(periodOf(new Date('2026-11-29T17:00:00Z'), 'week', 'Asia/Shanghai'), 'Monday 01:00 in Shanghai').to.equal('2026-11-30')
    const items = [
      { createdAt: new Date('2026-11-10T02:00:00Z'), place: 'xingfu' },
      { createdAt: new Date('2026-11-11T02:00:00Z'), place: 'xingfu' },
      { createdAt: new Date('2026-11-25T02:00:00Z'), place: 'heping' },
    ]
    const series = caseSeries(items, (i) => i.place, {
      interval: 'week',
      from: new Date('2026-11-09T00:00:00Z'),
      to: new Date('2026-11-26T00:00:00Z'),
      timeZone: 'Asia/Shanghai',
    })
    expect(series.periods).to.deep.equal(['2026-11-09', '2026-11-16', '2026-11-23'])
    expect(series.lines).to.deep.equal([
      { key: 'xingfu', counts: [2, 0, 0], total: 2 },
      { key: 'heping', counts: [0, 0, 1], total: 1 },
    ])
  })
})
