import { expect } from 'chai'
import { mergeChoicesForEachTest } from '../helpers/merge-choices.js'

const HOT_ISSUE = '热点问题里与本条是同一个问题'
/** The same lamp or lift said again, in other words: the same complaint, so 内容相近 too (review 37). */
const HOT_ISSUE_AND_ALIKE = '热点问题里与本条是同一个问题，内容相近'

/**
 * 热点问题 groups a community's broken lamps into one issue, whichever gate they stand at: that is
 * analysis. The 合并 dialog offers that issue's messages to merge into, and a merge closes the resident's
 * message: the 北门 lamp merged into the 南门 one would never be fixed. So the dialog offers only the
 * issue's messages about the same place (or naming none), never another gate's or another building's.
 */
describe('merge choices: the hot issue offers only the same place (review 32)', () => {
  const story = mergeChoicesForEachTest()
  const { write, offered } = story
  const issueOf = async (id: string) => {
    const issues = (await story.lina.get('/api/admin/analysis/hot-issues')).body.issues as Array<{ caseIds: string[] }>
    return issues.find((i) => i.caseIds.includes(id))?.caseIds ?? []
  }

  it('does not offer the 南门 lamps for the 北门 one, yet offers the 北门 lamp written again', async () => {
    const southLamp = await write('南门路灯坏了一个月')
    const southAgain = await write('南门路灯一直不亮')
    const northLamp = await write('北门路灯坏了一个月')
    const northAgain = await write('北门路灯一直不亮')

    // The premise: 热点问题 keeps the four lamps as one issue (its grouping is not changed). Each gate's two messages
    // are one lamp said twice (坏了, 不亮: the same complaint at the same gate), so 内容相近 as well; never the other gate's.
    expect(await issueOf(northLamp.id)).to.have.members([southLamp.id, southAgain.id, northLamp.id, northAgain.id])

    expect(await offered(northLamp.id), 'the 南门 lamps are another gate’s').to.deep.equal([{ ticket: northAgain.ticket, why: HOT_ISSUE_AND_ALIKE }])
    expect(await offered(southAgain.id), 'the 北门 lamps are another gate’s').to.deep.equal([{ ticket: southLamp.ticket, why: HOT_ISSUE_AND_ALIKE }])
  })

  it('does not offer the lift of 5号楼 for that of 3号楼; a lift naming no building still is', async () => {
    const fiveLift = await write('5号楼电梯坏了三天')
    const threeLift = await write('3号楼电梯坏了三天')
    const someLift = await write('电梯坏了好几天了')

    expect(await issueOf(threeLift.id)).to.have.members([fiveLift.id, threeLift.id, someLift.id])

    expect(await offered(threeLift.id), 'the lift of 5号楼 is another building’s').to.deep.equal([{ ticket: someLift.ticket, why: HOT_ISSUE_AND_ALIKE }])
    // The message naming no building may be either lift's: both are offered for it.
    expect((await offered(someLift.id)).map((c) => c.ticket)).to.have.members([fiveLift.ticket, threeLift.ticket])
  })
})
