import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { messageContent } from '../../src/services/delivery/content.js'
import type { OutboxMessage } from '../../src/store/ports.js'
import { prepareSubscribeData } from '../../src/wechat/subscribe-values.js'
import { asAdmin, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }
const DAY = 24 * 3_600_000

/** Every kind of case notice a resident or a deputy receives (a station's or office's go to its group, in full). */
const PERSON_CASE_KINDS = [
  'case.assigned',
  'case.acknowledged',
  'case.forwarded',
  'case.replied',
  'case.rated',
  'case.reopened',
  'case.withdrawn',
  'case.rejected',
  'case.merged',
  'case.unmerged',
  'case.reassigned',
  'case.transferred',
  'case.placed',
  'case.handed_on',
  'case.closed',
  'case.reminder',
  'case.overdue',
  'case.urged',
]

/**
 * A case notice on a subscribe card (the README's template: thing1 {title}, character_string2
 * {ticket}, thing3 {text}, time4 {time}) carries words made for its 20-character keywords: the
 * resident reads "张伟代表已答复，请点开查看并评价", never the chat's sentence cut off mid-number
 * ("张伟代表答复了您的留言 2026112…"). Every kind of case notice to a person goes round the loop
 * here, each delivered while still true, and no keyword of any card had to be cut.
 */
describe('case notices on subscribe cards fit their keywords whole', function () {
  this.timeout(60_000)
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  async function boundDeputy(deputyId: string, openid: string) {
    const admin = await asAdmin(app)
    const { body } = await admin.post(`/api/admin/deputies/${deputyId}/binding-code`)
    const deputy = await loginAs(app, openid)
    await deputy.post('/api/mp/bind', { bindCode: body.code })
    await subscribe(deputy, 'accept', 60)
    return deputy
  }

  it('gives every kind of case notice to a resident or a deputy a card line that fits, in words', async () => {
    const zhang = await boundDeputy('dp0001', 'o-zhangwei')
    const wang = await boundDeputy('dp0002', 'o-wangfang')
    const resident = await loginAs(app, 'o-laoli')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await subscribe(resident, 'accept', 60)
    const lina = await asStaff(app, 'lina')
    const drain = () => app.liaison.services.dispatcher.drain()
    const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
    const ok = (answer: { status: number; body: unknown }) => expect(answer.status, JSON.stringify(answer.body)).to.be.oneOf([200, 201])
    const write = async (text: string, deputyCode = 'DP0001') => {
      const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode })
      ok(sent)
      await drain()
      return sent.body as { id: string; ticket: string }
    }
    const act = async (who: Client, path: string, body: Record<string, unknown> = {}) => {
      ok(await who.post(path, body))
      await drain()
    }

    // Round the loop: acknowledged, handed to a department with a long name, answered, rated low, reopened.
    const a = await write('我们楼下的路灯坏了两个星期了，晚上老人出门看不见路。我电话13812345678')
    await act(zhang, `/api/mp/deputy/cases/${a.id}/acknowledge`)
    await act(zhang, `/api/mp/deputy/cases/${a.id}/forward`, { department: '市城市管理综合行政执法局第三执法大队' })
    await act(zhang, `/api/mp/deputy/cases/${a.id}/reply`, { text: '已联系供电所，这周五前修好，请您放心。' })
    await act(resident, `/api/mp/cases/${a.id}/rate`, { rating: 2, comment: '说了修，还是没修' })
    await act(resident, `/api/mp/cases/${a.id}/reopen`, { reason: '灯还是不亮' })

    // Handed on by the deputy to a colleague, then moved back by staff, and pressed (催办).
    const b = await write('我家住建设路18号，楼道里的扶手断了')
    await act(zhang, `/api/mp/deputy/cases/${b.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表联系这个小区' })
    await act(lina, `/api/admin/cases/${b.id}/assign`, { deputyId: 'dp0001' })
    await act(lina, `/api/admin/cases/${b.id}/urge`, { note: '群众反映很急' })

    // Withdrawn by her; refused by staff; merged, answered together, and freed when its carrier is withdrawn.
    await act(resident, `/api/mp/cases/${(await write('小区门口的垃圾桶三天没人清运了')).id}/withdraw`, { reason: '已经清运了' })
    await act(lina, `/api/admin/cases/${(await write('楼上邻居天天吵架')).id}/reject`, { reason: '不属于人大代表联系群众的范围' })
    const carrier = await write('东门路灯坏了')
    const merged = await write('东门路灯坏了好久')
    await act(lina, `/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })
    await act(zhang, `/api/mp/deputy/cases/${carrier.id}/reply`, { text: '东门路灯已报修，明天修好。' })
    const freed = await write('西门的井盖松了')
    const freedCarrier = await write('西门的井盖松了，晃得厉害')
    await act(lina, `/api/admin/cases/${freed.id}/merge`, { intoCaseId: freedCarrier.id })
    await act(resident, `/api/mp/cases/${freedCarrier.id}/withdraw`, { reason: '重复了' })

    // The clocks: reminded before the deadline, reported after it; an answer left unrated closes itself.
    await write('菜市场门口的路面坑洼，下雨天积水')
    app.clock.advance(21 * 3_600_000)
    await sla()
    await drain()
    app.clock.advance(4 * 3_600_000)
    await sla()
    await drain()
    app.clock.advance(8 * DAY)
    await sla()
    await drain()

    // 王芳 leaves office with a message in hand; the station gives it to 张伟.
    // Days later: everyone signs in again.
    const left = await write('小区里的健身器材坏了', 'DP0002')
    ok(await (await asAdmin(app)).patch('/api/admin/deputies/dp0002', { active: false }))
    await sla()
    await drain()
    await act(await asStaff(app, 'lina'), `/api/admin/cases/${left.id}/assign`, { deputyId: 'dp0001' })
    // A message that waited in 新华's queue (no deputy there) gets its first deputy from the office.
    const queued = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    ok(queued)
    await act(await asAdmin(app), `/api/admin/cases/${queued.body.id}/assign`, { deputyId: 'dp0001' })

    const mine = (await app.liaison.store.outbox.search({ limit: 500 })).items.filter(
      (m) => m.kind.startsWith('case.') && (m.recipientKind === 'mp_user' || m.recipientKind === 'deputy') && m.status === 'sent',
    )
    expect([...new Set(mine.map((m) => m.kind))].sort(), 'every kind of case notice to a person went out on a card').to.deep.equal(
      [...PERSON_CASE_KINDS].sort(),
    )
    expect(wang.userId).to.be.a('string')

    const template = { thing1: '{title}', character_string2: '{ticket}', thing3: '{text}', time4: '{time}' }
    const cards = app.fake.sent()
    const cut: string[] = []
    const unsent: string[] = []
    for (const m of mine) {
      const c = await app.liaison.store.cases.get(m.payload.caseId as string)
      const content = messageContent(m, { case: c }, 'Asia/Shanghai')
      const values: Record<string, string> = { title: content.title, ticket: content.ticket, text: content.text, time: content.time }
      const data = Object.fromEntries(Object.entries(template).map(([key, pattern]) => [key, pattern.replace(/\{(\w+)\}/g, (_, k: string) => values[k])]))
      const checked = prepareSubscribeData(data)
      expect(checked.problems, m.kind).to.deep.equal([])
      for (const key of checked.cut) cut.push(`${m.kind} ${key}: ${data[key]}`)
      const card = cards.find(
        (x) => x.data.thing1.value === content.title && x.data.thing3.value === content.text && x.data.character_string2.value === m.payload.ticket,
      )
      if (!card) unsent.push(`${m.kind}: ${content.text}`)
    }
    expect(cut, 'no keyword of any case card was cut to fit').to.deep.equal([])
    expect(unsent, 'WeChat received each card as written').to.deep.equal([])

    // The words people read on the cards.
    const answerCard = cards.find((x) => x.touser === 'o-laoli' && x.data.character_string2.value === a.ticket && x.data.thing1.value.startsWith('留言已答复'))!
    // Her card names her message by its first words, not by its number alone; the deputy's names the kind.
    expect(Object.fromEntries(Object.entries(answerCard.data).map(([k, v]) => [k, v.value]))).to.deep.include({
      thing1: '留言已答复：我们楼下的路灯坏了两个星期…',
      character_string2: a.ticket,
      thing3: '张伟代表已答复，请点开查看并评价',
    })
    const lines = (kind: string, to: string) => mine.filter((m: OutboxMessage) => m.kind === kind && m.recipientId === to).map((m) => m.payload.cardText)
    expect(lines('case.replied', resident.userId), 'two answers to rate, and one to a message merged into another').to.have.members([
      '张伟代表已答复，请点开查看并评价',
      '张伟代表已答复，请点开查看并评价',
      '张伟代表已答复，请点开查看',
    ])
    expect(lines('case.acknowledged', resident.userId)).to.deep.equal(['张伟代表已看到，最晚12月14日答复'])
    expect(lines('case.forwarded', resident.userId), 'a department too long for the line').to.deep.equal(['已交有关部门办理，代表会跟进办理进度'])
    expect(lines('case.transferred', resident.userId)).to.deep.equal(['已转给王芳代表办理', '已转给张伟代表办理', '已转给张伟代表办理'])
    expect(lines('case.placed', resident.userId)).to.deep.equal(['已交给张伟代表办理'])
    // Refused by her station's staff: what happened to her message in her words, not the office's 不予受理.
    expect(lines('case.rejected', resident.userId)).to.deep.equal(['联络站没有接办这条留言，请点开看原因'])
    expect(lines('case.reopened', 'dp0001')).to.deep.equal(['群众不满意（2 分），请重新受理'])
    expect(lines('case.rated', 'dp0001')).to.deep.equal(['获得 2 分评价，请点开看群众的话'])
    expect(lines('case.reassigned', 'dp0002')).to.deep.equal(['已改由张伟代表办理，您无需再办'])
  })
})
