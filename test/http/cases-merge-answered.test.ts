import { expect } from 'chai'
import { asDeputy, Client } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { mergeChoicesForEachTest } from '../helpers/merge-choices.js'

const DAY = 86_400_000

/**
 * Review 33: the 合并 dialog offered a lift complaint answered nine days before without saying so, and the
 * fresh "又坏了" merged into it became 已办结 with nobody acting. Each choice now says where it stands and
 * who has it; an answered one is shown, not to be chosen, and the merge itself refuses it and changes
 * nothing. Reopened (重新办理), a message is worked on again and may take the new one along.
 */
describe('merge into an answered message: the dialog says so, and the server refuses it (review 33)', () => {
  const story = mergeChoicesForEachTest()
  const { write } = story
  // Read through the story each time: 李娜 signs in again after days pass.
  const choices = (id: string) => story.choices(id)

  async function answered(c: { id: string }, deputyId: string, text: string) {
    const reply = await (await asDeputy(story.app, deputyId)).post(`/api/mp/deputy/cases/${c.id}/reply`, { text })
    expect(reply.status, JSON.stringify(reply.body)).to.equal(200)
  }

  it('shows each choice’s state, day and deputy; the answered one greyed with why; the merge into it refused, nothing changed', async () => {
    // Monday 11月23日: 张伟 answers the first lift complaint the same day; a second is answered, rated 2 and reopened.
    const old = await write('3号楼电梯坏了三天，老人上下楼困难', { deputyCode: 'DP0001' })
    await answered(old, 'dp0001', '已联系物业和街道，本周内修好。')
    const redo = await write('3号楼电梯坏了，物业说要等配件', { deputyCode: 'DP0001' })
    await answered(redo, 'dp0001', '配件已经订了，下周到。')
    story.app.clock.advance(2 * DAY)
    expect((await redo.resident.post(`/api/mp/cases/${redo.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await redo.resident.post(`/api/mp/cases/${redo.id}/reopen`, { reason: '电梯还是坏的' })).status).to.equal(200)

    // 12月2日, nine days on (李娜 signs in again): the lift is broken again.
    story.app.clock.set(new Date('2026-12-02T02:00:00Z'))
    story.lina = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
    const fresh = await write('3号楼电梯又坏了，老人上下楼困难（本周又有人反映）')

    const offered = await choices(fresh.id)
    expect(offered.map((c) => [c.ticket, c.state, c.mergeable, c.refusal])).to.deep.equal([
      [redo.ticket, '重新办理 · 11月23日收到 · 张伟代表', true, null],
      [old.ticket, '已答复 · 11月23日答复 · 张伟代表', false, '不能并入：这条已经答复过，并进去的新留言不会再有人答复。请把本条单独交给代表办理'],
    ])
    expect(offered[1].why, 'both name the lift').to.include('热点问题里与本条是同一个问题')

    // Posted anyway (an old page, a crafted request): refused in words, and the fresh message is as it was.
    const before = await story.lina.get(`/api/admin/cases/${fresh.id}`)
    const refused = await story.lina.post(`/api/admin/cases/${fresh.id}/merge`, { intoCaseId: old.id })
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.include({
      code: 'merge_target_answered',
      message: `留言 ${old.ticket} 已经答复过，并进去的新留言不会再有人答复，请把这条留言单独交给代表办理`,
    })
    const after = await story.lina.get(`/api/admin/cases/${fresh.id}`)
    expect(before.body.statusLabel).to.equal('已分派')
    expect(after.body).to.deep.include({ status: before.body.status, statusLabel: '已分派', mergedInto: null })
    expect(after.body.timeline).to.have.length(before.body.timeline.length)
    const told = (await story.app.liaison.store.outbox.search({ limit: 50, recipientId: fresh.resident.userId })).items.map((m) => m.kind)
    expect(told, 'her message was not said to be merged').to.not.include('case.merged')
    expect((await story.lina.get(`/api/admin/cases/${old.id}`)).body.duplicates.count, 'nothing joined the answered one').to.equal(0)

    // The reopened one is being worked on again: the fresh message joins it, and will hear its next answer.
    expect((await story.lina.post(`/api/admin/cases/${fresh.id}/merge`, { intoCaseId: redo.id })).status).to.equal(200)
    await answered(redo, 'dp0001', '电梯已经换了新配件，修好了。')
    const heard = (await story.app.liaison.store.outbox.search({ limit: 50, recipientId: fresh.resident.userId, kind: 'case.replied' })).items
    expect(heard.map((m) => m.payload.text)).to.have.length(1)
    expect(heard[0].payload.text).to.include('张伟代表已答复：电梯已经换了新配件，修好了。')
  })

  it('says who has an open one, or that nobody does yet, and marks an answered one found by its number', async () => {
    const waiting = await write('3号楼电梯坏了两天了，没人修', { deputyCode: 'DP0001' })
    // 张伟 hands it back to the station: it waits there for 李娜 to choose a deputy.
    const back = await (await asDeputy(story.app, 'dp0001')).post(`/api/mp/deputy/cases/${waiting.id}/transfer`, { reason: '这几天不在本地' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
    const held = await write('3号楼电梯坏了，老人下不了楼', { deputyCode: 'DP0002' })
    await answered(held, 'dp0002', '已经报修。')
    const fresh = await write('3号楼电梯又坏了')
    const offered = await choices(fresh.id)
    expect(offered.map((c) => [c.ticket, c.state, c.mergeable])).to.deep.equal([
      [waiting.ticket, '待分派 · 11月23日收到 · 未分派代表', true],
      [held.ticket, '已答复 · 11月23日答复 · 王芳代表', false],
    ])
    const found = await story.lina.get(`/api/admin/cases/${fresh.id}/merge-choices?q=${held.ticket.slice(-4)}`)
    expect(found.body.items.map((c: { ticket: string; why: string; mergeable: boolean }) => [c.ticket, c.why, c.mergeable])).to.deep.equal([
      [held.ticket, '按编号或内容找到', false],
    ])
  })
})
