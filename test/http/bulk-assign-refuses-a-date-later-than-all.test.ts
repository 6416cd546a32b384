import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { linaOnMonday, MONDAY_10AM } from '../helpers/lina-on-monday.js'
import { holdersAsListed } from '../helpers/bulk-assign.js'

const WEEK = 7 * 86_400_000

/**
 * 批量分派 with a 要求答复日期 later than every ticked message's own rule date: it would hold none of them (each keeps
 * its own), so it is refused once, before anything changes, naming the latest day she may ask, as the dialog's picker
 * stops there (the day also as a detail for the dialog's picker). Only the messages 李娜 may see count: another district's
 * message with a later rule date neither lets the date through nor shows its own date in the refusal; one the deputy
 * holds already does not count either (it will not go), and is named, when hers, as why the day is earlier. A date later than some of them only goes as before.
 */
describe('批量分派 refuses a reply date later than every ticked message’s own (要求答复日期)', () => {
  let app: TestApp
  let lina: Client
  beforeEach(async () => {
    ;({ app, lina } = await linaOnMonday())
  })
  afterEach(() => app.close())

  /** Written `weeksAgo` before Monday 10:00 (the rules give one of Monday until 12月14日, one of a week before until 12月7日). */
  const write = async (text: string, weeksAgo: number, regionId = 'c010101', deputyCode: string | null = 'DP0001') => {
    app.clock.set(new Date(MONDAY_10AM.getTime() - weeksAgo * WEEK))
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId, deputyCode })
    app.clock.set(MONDAY_10AM)
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const page = async (id: string) => (await lina.get(`/api/admin/cases/${id}`)).body
  const assign = async (ids: string[], replyBy: string, deputyId = 'dp0002') =>
    lina.post('/api/admin/cases-together/assign', { ids, fromDeputyIds: await holdersAsListed(app, ids), deputyId, replyBy })
  const queued = async () => (await app.liaison.store.outbox.search({ limit: 500 })).items.length
  /** Refused in these words at the date, with the latest day for the dialog's picker (YYYY-MM-DD, as the rows say it). */
  const refusedWith = (answer: { status: number; body: any }, message: string, latest: string) => {
    expect(answer.status, JSON.stringify(answer.body)).to.equal(400)
    expect(answer.body.error).to.deep.include({ code: 'validation_failed', message })
    expect(answer.body.error.details).to.deep.equal([
      { path: 'body.replyBy', message },
      { path: 'replyByLatest', message: latest },
    ])
  }
  const LATEST_DEC_7 = '要求答复的日期最晚可以选12月7日：选中的留言里，规定的答复期限最晚是这一天，只能要求代表提前答复。'

  it('refuses a date later than all of them, naming the latest day, and changes nothing', async () => {
    const old = await write('建设路社区3号楼的路灯一直不亮，晚上出门看不清路', 4)
    const week = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼', 1)
    expect((await page(week.id)).deadlines).to.include('答复期限 12月7日')
    const before = await queued()

    refusedWith(await assign([old.id, week.id], '2026-12-10'), LATEST_DEC_7, '2026-12-07')

    for (const c of [old, week]) {
      const shown = await page(c.id)
      expect(shown.handledBy.deputy, 'still 张伟’s').to.equal('张伟')
      expect(shown.timeline.map((e: { label: string }) => e.label)).not.to.include('改派')
    }
    expect(await queued(), 'no notice queued').to.equal(before)
  })

  it('says so when every one of them is past its own already: no date may be asked of them', async () => {
    const old = await write('建设路社区3号楼的路灯一直不亮，晚上出门看不清路', 4)
    const older = await write('建设路社区4号楼的化粪池满了，味道很大', 5)
    refusedWith(
      await assign([old.id, older.id], '2026-11-24'),
      '选中的留言规定的答复期限都已经过了（最晚是11月16日），不能再要求答复日期：请空着不填，仍按原来的答复期限。',
      '2026-11-16',
    )
    expect((await page(old.id)).handledBy.deputy, 'still 张伟’s').to.equal('张伟')
  })

  it('still gives them when the date is later than some of them only: those keep their own', async () => {
    const old = await write('建设路社区3号楼的路灯一直不亮，晚上出门看不清路', 4)
    const fresh = await write('建设路社区2号楼停水三天了，也没有通知', 0)

    const answer = await assign([old.id, fresh.id], '2026-12-10')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.deep.include({ assigned: 2, keptOwnDeadline: [old.ticket], failed: [] })
    expect((await page(fresh.id)).deadlines).to.include('答复期限 12月10日（分派时要求）')
    expect((await page(old.id)).handledBy.deputy).to.equal('王芳')
  })

  it('does not count a message the deputy holds already, and says so: it will not go, so neither would the date', async () => {
    const week = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼', 1)
    const hersAlready = await write('建设路社区2号楼停水三天了，也没有通知', 0, 'c010101', 'DP0002') // 王芳's, rules: 12月14日
    expect((await page(hersAlready.id)).handledBy.deputy).to.equal('王芳')

    refusedWith(
      await assign([hersAlready.id, week.id], '2026-12-10'),
      `${hersAlready.ticket} 已经由王芳代表办理，不再分派；其余留言里，规定的答复期限最晚是12月7日，要求答复的日期最晚可以选这一天。`,
      '2026-12-07',
    )
    expect((await page(week.id)).handledBy.deputy, 'still 张伟’s').to.equal('张伟')
  })

  it('names one the deputy holds already only when it would have allowed a later day', async () => {
    const week = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼', 1)
    const hersEarlier = await write('建设路社区4号楼的化粪池满了，味道很大', 3, 'c010101', 'DP0002') // 王芳's, rules: 11月23日
    expect((await page(hersEarlier.id)).handledBy.deputy).to.equal('王芳')
    refusedWith(await assign([hersEarlier.id, week.id], '2026-12-10'), LATEST_DEC_7, '2026-12-07')
  })

  it('never names a message she may not see that the deputy holds already', async () => {
    const week = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼', 1)
    // 李强 sits at 马庄's station too: this one is his there, not 李娜's to see (rules: 12月14日).
    const notHers = await write('马庄社区菜市场门口积水，下雨天进不去', 0, 'c010201', 'DP0003')
    expect((await app.liaison.store.cases.get(notHers.id))?.deputyId).to.equal('dp0003')
    expect((await lina.get(`/api/admin/cases/${notHers.id}`)).status, 'not hers to see').to.equal(404)
    refusedWith(await assign([notHers.id, week.id], '2026-12-10', 'dp0003'), LATEST_DEC_7, '2026-12-07')
  })

  it('counts only her own messages: another district’s later date neither lets it through nor is said', async () => {
    const hers = await write('建设路社区6号楼的电梯坏了两个星期，老人下不了楼', 1)
    const elsewhere = await write('新华社区的公交站台太窄，下雨天没处躲', 0, 'c020101', null) // rules: 12月14日, not hers

    refusedWith(await assign([elsewhere.id, hers.id], '2026-12-10'), LATEST_DEC_7, '2026-12-07')
    expect((await page(hers.id)).handledBy.deputy, 'still 张伟’s').to.equal('张伟')
  })

  it('goes on as before when none of them is hers: the one not hers is named as not given, no date of it said', async () => {
    const elsewhere = await write('新华社区的公交站台太窄，下雨天没处躲', 0, 'c020101', null) // rules: 12月14日, not hers
    const alone = await assign([elsewhere.id], '2026-12-16')
    expect(alone.status, JSON.stringify(alone.body)).to.equal(200)
    expect(alone.body).to.deep.include({ assigned: 0, keptOwnDeadline: [] })
    expect(alone.body.failed).to.deep.equal([{ id: elsewhere.id, message: '留言不存在' }])
  })
})
