import { expect } from 'chai'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday, MONDAY_10AM } from '../helpers/lina-on-monday.js'
import { holdersAsListed } from '../helpers/bulk-assign.js'

/**
 * 批量分派 with a 要求答复日期, as the single 分派 takes one: 李娜 ticks three of 张伟's messages on Monday and gives them
 * to 王芳, to be answered by 12月10日. Two were written this morning (the rules give them until 12月14日): they are held
 * to the 10th. One was written four weeks ago and the rules had it answered long before the 10th: a later date may not
 * be asked for it, so it keeps its own reply deadline, and the answer says so, by its number. A day off or a day gone is
 * refused for all, in the single 分派's words, and nothing changes; a message not hers is named as not given.
 */
describe('批量分派 asks for one reply date, held to each message’s rules (要求答复日期)', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  const write = async (text: string, regionId = 'c010101', deputyCode: string | null = 'DP0001') => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId, deputyCode })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const page = async (id: string) => (await lina.get(`/api/admin/cases/${id}`)).body

  it('holds the messages it may to the date, and says which keep their own reply deadline', async () => {
    app.clock.set(new Date(MONDAY_10AM.getTime() - 28 * 86_400_000)) // four weeks before
    const old = await write('建设路社区3号楼的路灯一直不亮，晚上出门看不清路')
    app.clock.set(MONDAY_10AM)
    const lift = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼')
    const water = await write('建设路社区2号楼停水三天了，也没有通知')
    expect((await page(old.id)).deadlines).to.include('答复期限 11月16日（已过）')

    const answer = await lina.post('/api/admin/cases-together/assign', {
      ids: [lift.id, old.id, water.id],
      fromDeputyIds: await holdersAsListed(app, [lift.id, old.id, water.id]),
      deputyId: 'dp0002',
      note: '请尽快上门看看',
      replyBy: '2026-12-10',
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.deep.include({ assigned: 3, heldToReplyBy: 2, keptOwnDeadline: [old.ticket], failed: [] })
    expect(answer.body.text).to.equal(
      `已分派 3 条：2 条要求在12月10日前（含当日）答复；1 条规定的答复期限早于12月10日，要求的日期不能晚于规定的期限，仍按原来的答复期限（${old.ticket}）。`,
    )

    // Each as the single 分派 leaves it: the two held to the 10th, as asked; the old one with the deadline it had.
    for (const c of [lift, water]) {
      const shown = await page(c.id)
      expect(shown.handledBy.deputy).to.equal('王芳')
      expect(shown.deadlines, c.ticket).to.equal('受理期限 11月24日 10:00（明天） · 答复期限 12月10日（分派时要求）')
      expect(shown.timeline.at(-1)).to.include({ label: '改派', replyBy: '要求在12月10日前（含当日）答复', note: '请尽快上门看看' })
    }
    const kept = await page(old.id)
    expect(kept.handledBy.deputy).to.equal('王芳')
    expect(kept.deadlines, 'its own reply deadline, as before').to.include('答复期限 11月16日（已过）').and.not.include('12月10日')
    expect(kept.timeline.at(-1)).to.include({ label: '改派', note: '请尽快上门看看' }).and.not.to.have.property('replyBy')

    // 王芳 is told the date with the two it holds her to, not with the old one.
    const told = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.assigned' })).items.filter((m) => m.recipientId === 'dp0002')
    const text = (id: string) => told.find((m) => m.payload.caseId === id)!.payload.text as string
    expect(text(lift.id)).to.include('并在12月10日（星期四）前（含当日）答复')
    expect(text(water.id)).to.include('并在12月10日（星期四）前（含当日）答复')
    expect(text(old.id)).not.to.include('12月10日')
    expect((await (await asDeputy(app, 'dp0002')).get(`/api/mp/deputy/cases/${lift.id}`)).body.replyByText).to.equal('12月10日（星期四）前（含当日）')
  })

  it('refuses a day off or a day gone for all, in the single 分派’s words, and changes nothing', async () => {
    const lift = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼')
    const water = await write('建设路社区2号楼停水三天了，也没有通知')
    const refusals: Array<[string, string]> = [
      ['2026-12-05', '12月5日是休息日，请选一个工作日。'],
      ['2026-11-20', '要求答复的日期（11月20日）已经过去了，请选今天或以后的日子。'],
    ]
    for (const [replyBy, message] of refusals) {
      const refused = await lina.post('/api/admin/cases-together/assign', {
        ids: [lift.id, water.id],
        fromDeputyIds: await holdersAsListed(app, [lift.id, water.id]),
        deputyId: 'dp0002',
        replyBy,
      })
      expect(refused.status, replyBy).to.equal(400)
      expect(refused.body.error).to.deep.include({ code: 'validation_failed', message })
      expect(refused.body.error.details).to.deep.include({ path: 'body.replyBy', message })
    }
    const listed = await holdersAsListed(app, [lift.id])
    expect(
      (await lina.post('/api/admin/cases-together/assign', { ids: [lift.id], fromDeputyIds: listed, deputyId: 'dp0002', replyBy: '12月10日' })).status,
    ).to.equal(400)
    for (const c of [lift, water]) expect((await page(c.id)).handledBy.deputy, 'still 张伟’s').to.equal('张伟')
  })

  it('gives the others and names the one that is not hers to give, without a date as without one', async () => {
    const lift = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼')
    const elsewhere = await write('新华社区的公交站台太窄，下雨天没处躲', 'c020101', null) // another district's station, by its place
    const ids = [elsewhere.id, lift.id]
    const answer = await lina.post('/api/admin/cases-together/assign', { ids, fromDeputyIds: await holdersAsListed(app, ids), deputyId: 'dp0002' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.deep.include({ assigned: 1, heldToReplyBy: 0, keptOwnDeadline: [], text: '已分派 1 条。' })
    expect(answer.body.failed).to.deep.equal([{ id: elsewhere.id, message: '留言不存在' }])
    expect((await page(lift.id)).deadlines).to.equal('受理期限 11月24日 10:00（明天） · 答复期限 12月14日')
  })
})
