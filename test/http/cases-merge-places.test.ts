import { expect } from 'chai'
import { mergeChoicesForEachTest } from '../helpers/merge-choices.js'

const HOT_ISSUE = '热点问题里与本条是同一个问题'

/**
 * 李娜 merges a duplicate into the message that carries the work (合并办理), which closes the duplicate's message: one
 * about another gate, building or bus line merged away would never be handled. The 合并 dialog offers no such message,
 * and the merge itself refuses one whatever is posted (a number found by search, a crafted request), in words that name
 * both places; a place written in Chinese numerals is the same place (三号楼 is 3号楼).
 */
describe('merge: never two places in one (closing 32)', () => {
  const story = mergeChoicesForEachTest()
  const { write, offered } = story
  const issueOf = async (id: string) => {
    const issues = (await story.lina.get('/api/admin/analysis/hot-issues')).body.issues as Array<{ caseIds: string[] }>
    return issues.find((i) => i.caseIds.includes(id))?.caseIds ?? []
  }
  /** What 李娜 and the residents can tell of a message: where it stands, what it was merged into, its steps. */
  const standing = async (id: string) => {
    const { body } = await story.lina.get(`/api/admin/cases/${id}`)
    return { status: body.status, mergedInto: body.mergedInto, steps: (body.timeline as unknown[]).length }
  }
  const mergedNotices = async () =>
    (await story.app.liaison.store.outbox.search({ limit: 100 })).items.filter((m) => m.kind === 'case.merged').map((m) => m.payload.caseId)

  it('does not offer the 15路 stop for the 12路 one, however each line is written', async () => {
    const twelve = await write('12路公交站牌倒了一个月')
    const twelveAgain = await write('公交12路站牌一直没人修')
    const fifteen = await write('公交15路站牌倒了一个月')
    const fifteenAgain = await write('15路公交站牌一直没人修')

    // The premise: 热点问题 (blind to numbers) keeps the four stops as one issue.
    expect(await issueOf(twelve.id)).to.have.members([twelve.id, twelveAgain.id, fifteen.id, fifteenAgain.id])

    expect(await offered(twelve.id), 'the 15路 stops are another line’s').to.deep.equal([{ ticket: twelveAgain.ticket, why: HOT_ISSUE }])
    expect(await offered(fifteenAgain.id), 'the 12路 stops are another line’s').to.deep.equal([{ ticket: fifteen.ticket, why: HOT_ISSUE }])
  })

  it('refuses a merge into a message about another gate or building, names both places, and changes nothing', async () => {
    const north = await write('北门路灯坏了一个月')
    const south = await write('南门路灯坏了一个月')
    const before = [await standing(north.id), await standing(south.id)]

    const refused = await story.lina.post(`/api/admin/cases/${north.id}/merge`, { intoCaseId: south.id })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.equal({
      code: 'merge_places_differ',
      message: `留言 ${north.ticket} 说的是北门，留言 ${south.ticket} 说的是南门，不是同一个地方的问题，不能合并。请把这条单独交给代表办理`,
      details: [{ path: 'body.intoCaseId', message: 'places_differ' }],
    })
    expect([await standing(north.id), await standing(south.id)], 'both still open, neither merged, no step added').to.deep.equal(before)
    expect(await mergedNotices(), 'nobody is told of a merge').to.deep.equal([])

    const threeLift = await write('3号楼2单元电梯坏了三天')
    const fiveLift = await write('5号楼2单元电梯坏了三天')
    const building = await story.lina.post(`/api/admin/cases/${threeLift.id}/merge`, { intoCaseId: fiveLift.id })
    expect(building.status).to.equal(422)
    expect(building.body.error.message).to.equal(
      `留言 ${threeLift.ticket} 说的是3号楼，留言 ${fiveLift.ticket} 说的是5号楼，不是同一个地方的问题，不能合并。请把这条单独交给代表办理`,
    )
    expect((await standing(threeLift.id)).mergedInto).to.equal(null)
  })

  it('merges the same building written in Chinese numerals and in digits (三号楼 and 3号楼)', async () => {
    const carrier = await write('3号楼电梯坏了三天了，老人上下楼太难')
    const duplicate = await write('三号楼电梯坏了三天')
    const merged = await story.lina.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: carrier.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect(merged.body).to.include({ status: 'closed', mergedInto: carrier.id })
  })
})
