import { expect } from 'chai'
import { mergeChoicesForEachTest } from '../helpers/merge-choices.js'

const SAME = '热点问题里与本条是同一个问题'
const UNSURE = '热点问题里归为一类，不一定是同一个问题'

/**
 * Review 33: in one community, 热点问题 put 建设路社区3号楼电梯坏了三天 into the street lights' issue (the messages
 * shared the community, the building and 坏了), and 相似留言 and 合并 then called the lamps 同一个问题 on the lift's
 * page. An issue is one thing wrong in one place; 同一个问题 is said only where both messages name that thing.
 */
describe('hot issues and the 合并 dialog: a lift is not a street light (review 33)', () => {
  const story = mergeChoicesForEachTest()
  const { write, offered } = story
  const issues = async () =>
    (await story.lina.get('/api/admin/analysis/hot-issues')).body.issues as Array<{ caseIds: string[]; messages: number; description: string }>

  it('counts the lamps, the lifts and the stairwell light as what they are, and offers the lift only lifts', async () => {
    const lamps = [
      await write('建设路社区3号楼前的路灯坏了一个多月，晚上老人出门很不方便。'),
      await write('建设路社区路灯不亮，晚上路很黑，希望尽快修好。'),
      await write('建设路社区路灯不亮，晚上路很黑，老人摔了一跤'),
    ]
    const stairs = await write('建设路社区5号楼楼道灯不亮，晚上很黑')
    const lift = await write('建设路社区3号楼电梯坏了三天，老人上下楼困难')
    const lifts = [await write('建设路社区3号楼电梯又坏了，老人下不了楼'), await write('3号楼电梯坏了好几天，物业不管')]

    const listed = await issues()
    const lampIssue = listed.find((i) => i.caseIds.includes(lamps[0].id))!
    expect(lampIssue.caseIds).to.have.members(lamps.map((c) => c.id))
    expect(lampIssue.messages, '三盏路灯, not five messages').to.equal(3)
    expect(listed.find((i) => i.caseIds.includes(lift.id))!.caseIds).to.have.members([lift.id, ...lifts.map((c) => c.id)])
    expect(
      listed.find((i) => i.caseIds.includes(stairs.id)),
      'one stairwell light is no hot issue',
    ).to.equal(undefined)

    const forLift = await offered(lift.id)
    expect(forLift.map((c) => c.ticket)).to.have.members(lifts.map((c) => c.ticket))
    for (const c of forLift) expect(c.why).to.include(SAME)
    expect(await offered(stairs.id), 'the stairwell light is offered no street light').to.deep.equal([])
  })

  it('does not say 同一个问题 of a message that names no thing, though 热点问题 counts it with the lamps', async () => {
    const lamp = await write('建设路社区路灯不亮，晚上路很黑，老人摔了一跤')
    const vague = await write('建设路社区晚上很黑，老人出门摔了一跤，希望尽快修好')
    expect((await issues()).find((i) => i.caseIds.includes(lamp.id))!.caseIds).to.have.members([lamp.id, vague.id])
    // Its words are near the lamp's (内容相近 says just that), yet it names no lamp: nobody can tell it is the lamp.
    expect(await offered(vague.id)).to.deep.equal([{ ticket: lamp.ticket, why: `${UNSURE}，内容相近` }])
    expect(await offered(lamp.id)).to.deep.equal([{ ticket: vague.ticket, why: `${UNSURE}，内容相近` }])
  })
})
