import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { mergeChoicesForEachTest } from '../helpers/merge-choices.js'

/**
 * Review 33, F4: 李娜 opens 合并 and picks the lift complaint 张伟 still has open; he sends his answer to it at that very
 * moment, after her request read it open and before it wrote. The merge must not commit: the new resident would be told
 * "办理结果会一并告知" and no answer would ever reach her. She is refused in the words of an answered message, and the new
 * message stays as it was, waiting for its own deputy. (The store holds the merge to its target inside the write.)
 */
describe('a merge into a message its deputy answers at the same moment', () => {
  const story = mergeChoicesForEachTest()

  it('is refused as answered, and the new message is not closed nor told it was merged', async () => {
    const { app } = story
    const open = await story.write('3号楼电梯坏了三天，老人上下楼困难', { deputyCode: 'DP0001' })
    const fresh = await story.write('3号楼电梯又坏了，老人下不了楼')
    const zhang = await asDeputy(app, 'dp0001')

    // Between the merge's read of the target and its write, 张伟's answer to it is written.
    const cases = app.liaison.store.cases
    const update = cases.update.bind(cases)
    cases.update = async (record, events, outbox, also) => {
      if (also?.mergeInto === open.id) {
        const reply = await zhang.post(`/api/mp/deputy/cases/${open.id}/reply`, { text: '已联系物业，明天上午来修。' })
        expect(reply.status, JSON.stringify(reply.body)).to.equal(200)
      }
      return update(record, events, outbox, also)
    }

    const refused = await story.lina.post(`/api/admin/cases/${fresh.id}/merge`, { intoCaseId: open.id })
    expect(refused.status, JSON.stringify(refused.body)).to.equal(409)
    expect(refused.body.error).to.deep.include({
      code: 'merge_target_answered',
      message: `留言 ${open.ticket} 已经答复过，并进去的新留言不会再有人答复，请把这条留言单独交给代表办理`,
    })

    const after = (await story.lina.get(`/api/admin/cases/${fresh.id}`)).body
    expect(after).to.deep.include({ statusLabel: '已分派', mergedInto: null })
    expect(after.timeline.map((e: { label: string }) => e.label)).not.to.include('合并办理')
    const told = (await app.liaison.store.outbox.search({ limit: 50, recipientId: fresh.resident.userId })).items.map((m) => m.kind)
    expect(told, 'not told 办理结果会一并告知').to.not.include('case.merged')
    expect((await story.lina.get(`/api/admin/cases/${open.id}`)).body).to.deep.include({ statusLabel: '已答复' })
    expect((await story.lina.get(`/api/admin/cases/${open.id}`)).body.duplicates.count, 'nothing joined the answered one').to.equal(0)
  })
})
