import { expect } from 'chai'
import { groupHotIssues, type HotIssueCase } from '../../src/domain/hot-issues.js'
import { objectKinds, objectsNamed, sameObject } from '../../src/domain/complaint-objects.js'
import { alikeness, contentGrams, issueText } from '../../src/domain/similarity.js'

const T0 = new Date('2026-11-23T02:00:00Z') // Monday 10:00 in Shanghai
const week = { from: T0, to: new Date(T0.getTime() + 7 * 86_400_000) }
let n = 0
/** A message from 光明社区, an hour after the one before, from a resident of its own. */
const message = (text: string, over: Partial<HotIssueCase> = {}): HotIssueCase => ({
  id: `m${String(++n).padStart(3, '0')}`,
  text,
  residentId: `r${n}`,
  communityId: 'guangming',
  districtId: 'd01',
  stationId: 'st001',
  topic: '城乡建设',
  createdAt: new Date(T0.getTime() + n * 3_600_000),
  reopenCount: 0,
  overdue: false,
  ...over,
})
const issuesOf = (cases: HotIssueCase[], minMessages = 1) => groupHotIssues(cases, { ...week, minMessages }).map((i) => i.caseIds.sort())

/**
 * Review 33: 热点问题 put 光明社区3号楼电梯坏了三天 into the street-light issue, because the messages shared
 * 光明社区3号楼…坏了 more than the lamp and the lift differed. An issue is one thing broken in one place.
 */
describe('hot issues: one issue per thing that is wrong, not per community words shared (review 33)', () => {
  it('keeps the lift of 3号楼 out of the street lights, and the stairwell light apart from both', () => {
    const lamps = [
      message('光明社区3号楼前的路灯坏了一个多月，晚上老人出门很不方便。'),
      message('光明社区路灯不亮，晚上路很黑，希望尽快修好。'),
      message('光明社区路灯不亮，晚上路很黑，老人摔了一跤'),
    ]
    const stairs = message('光明社区5号楼楼道灯不亮，晚上很黑')
    const lifts = [
      message('光明社区3号楼电梯坏了三天，老人上下楼困难'),
      message('光明社区3号楼电梯又坏了，老人下不了楼'),
      message('3号楼电梯坏了好几天，物业不管'),
    ]
    expect(issuesOf([...lamps, stairs, ...lifts])).to.have.deep.members([lamps.map((c) => c.id), [stairs.id], lifts.map((c) => c.id)])
    const [hottest] = groupHotIssues([...lamps, stairs, ...lifts], week)
    expect(hottest.messages, 'the street lights count three messages, not five').to.equal(3)
  })

  it('does not make one issue of two messages that share only where they are', () => {
    const junk = message('光明社区3号楼前面堆满了杂物，没法走路')
    const cards = message('光明社区3号楼有人天天在楼下打牌到半夜')
    expect(issuesOf([junk, cards])).to.have.deep.members([[junk.id], [cards.id]])
    expect(issueText('光明社区3号楼前面堆满了杂物'), 'the community and the building are left out').to.equal('前面堆满了杂物')
  })

  it('does not let a message naming no thing carry a lift into the lamps', () => {
    const lamp = message('光明社区路灯坏了好几天，晚上很黑没人修')
    const vague = message('光明社区坏了好几天，晚上很黑，老人上下楼困难，没人修')
    const lift = message('光明社区电梯坏了，老人上下楼困难')
    const [withLamp, alone] = [[lamp.id, vague.id], [lift.id]]
    expect(issuesOf([lamp, vague, lift])).to.have.deep.members([withLamp, alone])
  })

  it('holds one lamp said in different words together, and a lift to be built apart from a broken one', () => {
    // Two pairs of characters in common (路灯, 晚上): the lamp they both name is what makes them one issue.
    const lamp = message('前面的路灯坏了一个多月，晚上老人出门很不方便。')
    const again = message('路灯不亮，晚上路很黑，希望尽快修好。')
    const build = message('老旧小区加装电梯，申请手续很复杂')
    const broken = message('电梯坏了三天没人修')
    expect(issuesOf([lamp, again, build, broken])).to.have.deep.members([[lamp.id, again.id], [build.id], [broken.id]])
  })

  it('reads the thing a message names, and not the things around it', () => {
    expect(objectKinds(objectsNamed('5号楼楼道灯不亮'))).to.deep.equal(['stair_light'])
    expect(objectKinds(objectsNamed('楼梯间的灯坏了'))).to.deep.equal(['stair_light'])
    expect(objectKinds(objectsNamed('路灯坏了一个多月'))).to.deep.equal(['street_light'])
    expect(objectKinds(objectsNamed('下水管堵了，污水漫出来'))).to.deep.equal(['drain'])
    expect(objectKinds(objectsNamed('水管爆了，停水两天'))).to.deep.equal(['water_supply'])
    expect(objectKinds(objectsNamed('公交车停靠站离得太远'))).to.deep.equal(['bus'])
    expect(objectKinds(objectsNamed('老人出门很不方便'))).to.deep.equal([])
    expect(sameObject(objectsNamed('路灯和电梯都坏了'), objectsNamed('电梯又坏了'))).to.equal(true)
    expect(sameObject(objectsNamed('坏了好几天'), objectsNamed('电梯又坏了')), 'naming none, nobody can tell').to.equal(false)
  })

  it('leaves out a community name, yet keeps the words of a sentence that comes before 社区', () => {
    expect(issueText('电梯坏了社区不管')).to.equal('电梯坏了不管')
    expect(issueText('我们光明社区3号楼的电梯')).to.equal('我们的电梯')
    expect(issueText('建设路社区东门的路灯')).to.equal('的路灯')
    expect(issueText('12路公交站牌倒了'), 'a bus route is what the message is about').to.equal('路公交站牌倒了')
  })

  it('does not call a lift and a lamp 相似留言, however much else they share', () => {
    const lift = '光明社区3号楼电梯坏了三天'
    const lamp = '光明社区3号楼前的路灯坏了三天，晚上老人出门很不方便'
    expect(alikeness(contentGrams(lift), contentGrams(lamp))).to.equal(0)
    expect(alikeness(contentGrams(lift), contentGrams('光明社区3号楼电梯坏了三天，老人上下楼困难'))).to.equal(1)
  })
})
