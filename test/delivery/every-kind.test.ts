import { expect } from 'chai'
import { randomUUID } from 'node:crypto'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { KIND_TITLES } from '../../src/services/delivery/kinds.js'
import type { OutboxMessage } from '../../src/store/ports.js'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { consultationBody } from '../helpers/surveys.js'
import { loginAs, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }

/**
 * The subscribe template of the README (thing1 {title}, character_string2 {ticket}, thing3
 * {text}, time4 {time}), which test/helpers/wechat.ts configures: every kind of message
 * must fill every keyword with something WeChat accepts, or the message is lost.
 */
describe("every kind of message through the README's subscribe template", () => {
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
    await subscribe(deputy, 'accept', 50)
    return deputy
  }
  const sentTo = (openid: string) => app.fake.sent().filter((m) => m.touser === openid)
  const values = (m: ReturnType<FakeWeChat['sent']>[number]) => Object.fromEntries(Object.entries(m.data).map(([k, v]) => [k, v.value]))

  it("delivers the daily digest, which has no ticket, with a reference for the day and opening the deputy's tasks", async () => {
    await boundDeputy('dp0001', 'o-zhangwei')
    const resident = await loginAs(app, 'o-resident')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await resident.post('/api/mp/cases', { text: '小区垃圾好几天没人清运', deputyCode: 'DP0001' })
    await app.liaison.services.dispatcher.drain()
    app.clock.set(new Date('2026-11-24T00:00:00Z')) // Tuesday 08:00
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await app.liaison.services.dispatcher.drain()

    const [digest] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'digest' })).items
    expect(digest, digest.lastError ?? '').to.deep.include({ status: 'sent', channel: 'mp_subscribe' })
    const card = sentTo('o-zhangwei').find((m) => m.data.thing1.value.startsWith('每日摘要'))!
    expect(values(card)).to.deep.equal({
      thing1: '每日摘要：1 条留言今天到期',
      character_string2: 'RB20261124',
      thing3: '留言1条，点开查看',
      time4: '2026年11月24日 08:00',
    })
    expect(card.page).to.equal('pages/deputy/index?day=2026-11-24')
  })

  it("tells a named commenter the adoption of their opinion, with a reference and the consultation's page", async () => {
    const office = await asAdmin(app)
    const { body: s } = await office.post('/api/admin/surveys', consultationBody())
    const resident = await loginAs(app, 'o-commenter')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await subscribe(resident, 'accept', 1)
    await resident.post(`/api/mp/surveys/${s.id}/responses`, { answers: { q1: 'o1' }, comments: [{ articleId: 'a2', text: '建议绿地率提高到百分之三十五' }] })
    const { body: opinions } = await office.get(`/api/admin/surveys/${s.id}/opinions?articleId=a2`)
    await office.post(`/api/admin/surveys/${s.id}/opinions/${opinions.items[0].id}/decision`, { outcome: 'partly_adopted', reason: '修改为不低于百分之三十二' })
    await app.liaison.services.dispatcher.drain()

    const [feedback] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'survey.opinion_feedback' })).items
    expect(feedback, feedback.lastError ?? '').to.deep.include({ status: 'sent' })
    const [card] = sentTo('o-commenter')
    expect(card.data.thing1.value).to.equal('意见采纳反馈')
    expect(card.data.character_string2.value).to.match(/^YJ[0-9A-Z]{1,8}$/)
    expect(card.data.thing3.value.startsWith('采纳情况反馈')).to.equal(true)
    expect(card.page).to.equal(`pages/survey/answer?surveyId=${s.id}`)
  })

  it("shows a meeting's own time and place, not the time the notice was sent, and opens the meeting", async () => {
    await boundDeputy('dp0001', 'o-zhangwei')
    const office = await asAdmin(app)
    const { body: m } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    await office.post(`/api/admin/meetings/${m.id}/publish`)
    await app.liaison.services.dispatcher.drain()
    const [card] = sentTo('o-zhangwei')
    expect(values(card)).to.deep.include({ thing1: '会议通知：市人大常委会第十次会议', thing3: '地点：市人大常委会第一会议室', time4: '2026年11月26日 09:30' })
    expect(card.page).to.equal(`pages/meetings/detail?meetingId=${m.id}`)
  })

  it('sends every kind a writer makes, each accepted by WeChat with every keyword filled and the right page', async () => {
    await boundDeputy('dp0001', 'o-zhangwei')
    const office = await asAdmin(app)
    const { body: meeting } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0002'] } }))
    const resident = await loginAs(app, 'o-resident')
    await resident.post('/api/mp/consent', { version: 'v3' })
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区垃圾好几天没人清运', deputyCode: 'DP0001' })
    await app.liaison.services.dispatcher.drain()
    const before = app.fake.sent().length

    // Every kind the project writes (those of other areas with the payload their writers
    // give), each to the bound deputy; case and meeting kinds that the current state of
    // the case or meeting would hold back are not in question here.
    const now = app.clock.now()
    const message = (kind: string, payload: Record<string, unknown>): OutboxMessage => ({
      id: randomUUID(),
      channel: 'auto',
      recipientKind: 'deputy',
      recipientId: 'dp0001',
      kind,
      payload,
      dedupeKey: `every:${kind}`,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
    })
    const caseKinds = ['case.assigned', 'case.rated', 'case.reminder', 'case.overdue', 'case.urged', 'case.escalated']
    const meetingKinds = ['meeting.notice', 'meeting.changed', 'meeting.reminder', 'meeting.rsvp_nudge', 'meeting.cancelled']
    const others: Array<[string, Record<string, unknown>, string]> = [
      [
        'digest',
        { title: '每日摘要：待办留言 1 件', text: '张伟代表，您好！\n\n【待办留言 1 件】\n1. 0001 环境保护：小区垃圾', day: '2026-11-23' },
        'day=2026-11-23',
      ],
      [
        'reading.published',
        { campaignId: 'cp1', itemId: 'item-1', title: '宪法学习', required: true, text: '【学习材料】发布了《宪法学习》' },
        'itemId=item-1',
      ],
      ['survey.opinion_feedback', { surveyId: 'sv-1', opinionId: 'op-1', outcome: 'adopted', text: '采纳情况反馈：您的意见已采纳' }, 'surveyId=sv-1'],
      ['survey.published', { surveyId: 'sv-2', title: '社区绿化满意度调查', text: '请参加问卷：社区绿化满意度调查' }, 'surveyId=sv-2'],
      ['consultation.published', { surveyId: 'sv-3', title: '城市绿化条例（草案）', text: '请对条例草案提出意见' }, 'surveyId=sv-3'],
      ['ballot.published', { surveyId: 'sv-4', title: '2027年民生实事项目票决', text: '请投票' }, 'surveyId=sv-4'],
      ['quiz.published', { quizId: 'qz-1', title: '宪法知识竞赛', text: '请参加知识竞赛' }, 'quizId=qz-1'],
      [
        'campaign.period_opened',
        {
          campaignId: 'cp-1',
          title: '学习贯彻代表法（2026年12月）',
          period: '2026-12',
          text: '【本月学习】市人大常委会《学习贯彻代表法》2026年12月这一期开始了',
        },
        'messageId=',
      ],
      ['bot.logged_out', { text: '机器人已掉线，请扫码登录' }, 'messageId='],
      [
        'deputy.binding_moved',
        {
          text: '您的人大代表身份刚刚绑定到了另一个微信的小程序，这个微信不再以代表身份使用。如果不是您本人要求的，请马上联系您所在的代表联络站或人大办公室。',
        },
        'messageId=',
      ],
    ]
    await app.liaison.store.outbox.enqueue([
      ...caseKinds.map((k) => message(k, { caseId: c.id, ticket: c.ticket, text: `留言 ${c.ticket} 的消息` })),
      ...meetingKinds.map((k) =>
        message(k, { meetingId: meeting.id, ticket: `HY${meeting.id.slice(3, 11).toUpperCase()}`, text: `关于会议的消息`, changeSeq: 0 }),
      ),
      ...others.map(([k, payload]) => message(k, payload)),
    ])
    await app.liaison.services.dispatcher.drain()

    const stored = (await app.liaison.store.outbox.search({ limit: 100, recipientId: 'dp0001' })).items.filter((m) => m.dedupeKey.startsWith('every:'))
    const notSent = stored.filter((m) => m.status !== 'sent').map((m) => `${m.kind}: ${m.status} ${m.lastError ?? m.waitingReason}`)
    expect(notSent, 'WeChat accepted every one').to.deep.equal([])
    const cards = app.fake.sent().slice(before)
    expect(cards.every((m) => m.touser === 'o-zhangwei')).to.equal(true)
    expect(cards).to.have.length(caseKinds.length + meetingKinds.length + others.length)
    for (const card of cards) {
      expect(Object.keys(card.data).sort()).to.deep.equal(['character_string2', 'thing1', 'thing3', 'time4'])
      for (const [key, v] of Object.entries(card.data)) expect(v.value, `${card.data.thing1.value} ${key}`).not.to.equal('')
    }
    const pageOf = (title: string) => cards.find((m) => m.data.thing1.value.startsWith(title))!.page
    expect(pageOf(KIND_TITLES['case.reminder'])).to.equal(`pages/case/detail?caseId=${c.id}`)
    expect(pageOf(KIND_TITLES['meeting.reminder'])).to.equal(`pages/meetings/detail?meetingId=${meeting.id}`)
    // 超期, the console's one word for past the reply deadline, in the card's title too (never 逾期).
    expect(pageOf('超期督办'), 'case.escalated').to.equal(`pages/case/detail?caseId=${c.id}`)
    for (const [kind, , query] of others) {
      const card = cards.find((m) => m.data.thing1.value.startsWith(kind === 'digest' ? '每日摘要' : (KIND_TITLES[kind] ?? '消息通知')))
      expect(card, kind).to.not.equal(undefined)
      // The mini-program's page for each subject (config wechat.pages); a plain notice opens the template's page.
      const page = {
        day: 'pages/deputy/index',
        itemId: 'pages/study/item',
        surveyId: 'pages/survey/answer',
        quizId: 'pages/quiz/take',
        messageId: 'pages/case/case',
      }[query.split('=')[0]]
      expect(card!.page, kind).to.include(`${page}?${query}`)
      expect(card!.template_id).to.equal(TEMPLATE)
    }
  })
})
