import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity, publishMeeting } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { ballotBody, surveyBody } from '../helpers/surveys.js'

const DAY = 86_400_000

/**
 * 我的待办: a deputy opens the mini-program and finds, in one list, everything waiting for
 * them; a resident finds what applies to residents. Each answer takes its item off the list.
 */
describe('my tasks (GET /api/mp/tasks)', () => {
  let app: TestApp
  let office: Client
  let resident: Awaited<ReturnType<typeof asResident>>
  let zhang: Awaited<ReturnType<typeof asDeputy>>
  const ids: Record<string, string> = {}

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    resident = await asResident(app)
    zhang = await asDeputy(app, 'dp0001')
    ids.late = (await resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' })).body.id
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday 10:00
    ids.fresh = (await resident.post('/api/mp/cases', { text: '建设路的路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })).body.id
    office = await asAdmin(app)
    const meeting = await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-30T09:30:00+08:00', endAt: '2026-11-30T11:30:00+08:00' }))
    ids.meeting = meeting.body.id
    expect((await office.post(`/api/admin/meetings/${ids.meeting}/publish`)).status).to.equal(200)
    ids.ballot = (await office.post('/api/admin/surveys', ballotBody())).body.id
    ids.survey = (await office.post('/api/admin/surveys', surveyBody())).body.id
    ids.quiz = (await quizWithBank(app, office, { audience: 'deputies' })).id
    const campaign = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: '2026-11-26T09:00:00+08:00',
      endsAt: '2026-12-26T09:00:00+08:00',
      audience: { stationIds: ['st001'] },
    })
    const item = await office.post(`/api/admin/campaigns/${campaign.body.id}/items`, {
      title: '代表法全文',
      summary: '必读',
      body: '<p>第一条……</p>',
      required: true,
    })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    ids.item = item.body.id
    await office.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title: '选读材料', body: '<p>……</p>' })
  })
  afterEach(() => app.close())

  it('shows a deputy everything waiting, deadlines in words, each field named', async () => {
    const answer = await zhang.get('/api/mp/tasks')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const tasks = answer.body
    expect(tasks).to.include({ role: 'deputy', total: 7 })
    expect(
      tasks.cases.map((c: { id: string }) => c.id),
      'nearest deadline first',
    ).to.deep.equal([ids.late, ids.fresh])
    expect(tasks.cases[0]).to.deep.equal({
      id: ids.late,
      ticket: '20261123-0001',
      topic: '环境保护',
      excerpt: '小区门口的垃圾好几天没人清运',
      status: 'assigned',
      statusLabel: '新留言',
      action: 'acknowledge',
      actionLabel: '请受理',
      // Late: the red words say how late; the line only asks.
      todoText: '请尽快受理',
      due: { at: tasks.cases[0].due.at, state: 'ack_late', words: '已过受理期限 2 天' }, // its answer is not due yet: not 已超期
      urgedText: null,
    })
    expect(tasks.cases[1].due).to.include({ state: 'upcoming', words: '明天到期' })
    expect(tasks.cases[1].todoText, 'the act and by when').to.match(/^请在\d+月\d+日（星期.）.+前受理，明天到期$/)
    expect(tasks.meetings).to.deep.equal([
      {
        id: ids.meeting,
        title: '市人大常委会第十次会议',
        kindLabel: '常委会会议',
        startAt: '2026-11-30T01:30:00.000Z',
        endAt: '2026-11-30T03:30:00.000Z',
        startText: '11月30日（星期一）上午9:30',
        dayWords: '4天后开会',
        place: '市人大常委会第一会议室',
        actionLabel: '请回复是否参加',
        rsvpText: '还未回复是否参加',
        rsvpByText: null, // answers close when it starts: no day of their own to say
        due: { at: '2026-11-30T01:30:00.000Z', state: 'upcoming', words: '还有 4 天到期' },
      },
    ])
    expect(tasks.ballots).to.deep.equal([
      {
        id: ids.ballot,
        kind: 'ballot',
        kindLabel: '代表票决',
        title: '2027年民生实事项目票决',
        closesAt: '2026-11-30T10:00:00.000Z',
        closesText: '11月30日（星期一）晚上6:00前',
        actionLabel: '去投票',
        due: { at: '2026-11-30T10:00:00.000Z', state: 'upcoming', words: '还有 4 天到期' },
      },
    ])
    expect(tasks.surveys.map((s: { id: string; actionLabel: string }) => `${s.id} ${s.actionLabel}`)).to.deep.equal([`${ids.survey} 去填写`])
    expect(tasks.quizzes).to.deep.equal([
      {
        id: ids.quiz,
        title: '代表法知识竞赛',
        timeLimitSeconds: 600,
        closesAt: '2026-11-27T02:00:00.000Z',
        closesText: '11月27日（星期五）上午10:00前',
        openAttemptId: null,
        actionLabel: '去答题',
        due: { at: '2026-11-27T02:00:00.000Z', state: 'upcoming', words: '明天到期' },
      },
    ])
    expect(
      tasks.reading.map((r: { id: string; title: string; campaignTitle: string }) => `${r.title}《${r.campaignTitle}》`),
      'required reading only',
    ).to.deep.equal(['代表法全文《学习贯彻代表法》'])
  })

  it('says the day answers close on its own, when before the meeting, as his workbench words it', async () => {
    const early = await publishMeeting(office, {
      title: '代表小组活动',
      startAt: '2026-12-02T09:30:00+08:00',
      endAt: '2026-12-02T11:30:00+08:00',
      rsvpDeadline: '2026-11-28T17:00:00+08:00',
    })
    const meeting = (await zhang.get('/api/mp/tasks')).body.meetings.find((m: { id: string }) => m.id === early.id)
    expect(meeting).to.include({ rsvpByText: '11月28日（星期六）下午5:00前', rsvpText: '还未回复是否参加，请在11月28日（星期六）下午5:00前回复' })
  })

  it('takes each item off the list once it is done', async () => {
    await zhang.post(`/api/mp/deputy/cases/${ids.late}/acknowledge`, {})
    await zhang.post(`/api/mp/meetings/${ids.meeting}/rsvp`, { response: 'attend' })
    expect((await zhang.post(`/api/mp/surveys/${ids.ballot}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    expect((await zhang.post(`/api/mp/surveys/${ids.survey}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    await zhang.get(`/api/mp/reading/${ids.item}`)
    const started = await zhang.post(`/api/mp/quizzes/${ids.quiz}/attempts`)
    expect(started.status, JSON.stringify(started.body)).to.equal(201)
    const tasks = (await zhang.get('/api/mp/tasks')).body
    expect(tasks.cases.map((c: { id: string; actionLabel: string }) => `${c.id} ${c.actionLabel}`)).to.deep.equal([`${ids.fresh} 请受理`, `${ids.late} 请答复`])
    expect(
      tasks.quizzes.map((q: { openAttemptId: string; actionLabel: string }) => `${q.openAttemptId} ${q.actionLabel}`),
      'a started paper is to continue',
    ).to.deep.equal([`${started.body.id} 继续答题`])
    expect([tasks.meetings, tasks.ballots, tasks.surveys, tasks.reading]).to.deep.equal([[], [], [], []])
  })

  it('never lists drafts, a withdrawn reading item or a ballot that has closed', async () => {
    const campaignId = (await office.get(`/api/admin/campaigns`)).body.items[0].id
    await office.post(`/api/admin/campaigns/${campaignId}/items`, { title: '尚未发布的解读', body: '<p>……</p>', required: true, draft: true })
    expect((await office.post('/api/admin/surveys', ballotBody({ title: '草稿票决', draft: true }))).status).to.equal(201)
    expect((await office.post('/api/admin/surveys', surveyBody({ title: '草稿问卷', draft: true }))).status).to.equal(201)
    await quizWithBank(app, office, { audience: 'deputies', title: '草稿竞赛', draft: true })
    const before = (await zhang.get('/api/mp/tasks')).body
    expect(before, "drafts are no one's task").to.include({ total: 7 })
    expect(before.reading.map((r: { title: string }) => r.title)).to.deep.equal(['代表法全文'])

    const withdrawn = await office.post(`/api/admin/campaigns/${campaignId}/items/${ids.item}/withdraw`)
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).to.equal(200)
    expect((await office.post(`/api/admin/surveys/${ids.ballot}/close`)).status).to.equal(200)
    const after = (await zhang.get('/api/mp/tasks')).body
    expect(after.reading, "a withdrawn item cannot be read, so it is nobody's task").to.deep.equal([])
    expect(after.ballots, 'a closed ballot cannot be cast').to.deep.equal([])
    expect(after).to.include({ total: 5 })
  })

  it('no longer asks for the reading of a campaign that has ended', async () => {
    expect((await zhang.get('/api/mp/tasks')).body.reading).to.have.length(1)
    app.clock.set(new Date('2026-12-26T01:00:00Z')) // the campaign ended at 09:00 on 26 December
    const later = await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks') // signs in again a month on
    expect(later.status, JSON.stringify(later.body)).to.equal(200)
    expect(later.body.reading).to.deep.equal([])
  })

  it("shows a resident what applies to residents: answers to rate, open surveys; never a ballot or a deputies' quiz", async () => {
    app.clock.advance(DAY / 24)
    await zhang.post(`/api/mp/deputy/cases/${ids.fresh}/acknowledge`, {})
    await zhang.post(`/api/mp/deputy/cases/${ids.fresh}/reply`, { text: '已联系城管部门，本周内修复。' })
    const tasks = (await resident.get('/api/mp/tasks')).body
    expect(tasks).to.include({ role: 'resident', total: 2 })
    expect(tasks.cases.map((c: { id: string; actionLabel: string; due: unknown }) => [c.id, c.actionLabel, c.due])).to.deep.equal([[ids.fresh, '请评价', null]])
    expect(tasks.surveys.map((s: { id: string }) => s.id)).to.deep.equal([ids.survey])
    expect([tasks.meetings, tasks.ballots, tasks.quizzes, tasks.reading]).to.deep.equal([[], [], [], []])
    expect((await resident.get('/api/mp/tasks')).headers.get('cache-control')).to.equal('no-store')
  })

  it('lists a survey addressed to named deputies only to them, never to other deputies or residents', async () => {
    const named = await office.post('/api/admin/surveys', surveyBody({ title: '代表履职情况问卷', audience: { deputyIds: ['dp0002'] } }))
    expect(named.status, JSON.stringify(named.body)).to.equal(201)
    const titles = async (who: { get: Client['get'] }) => ((await who.get('/api/mp/tasks')).body.surveys as Array<{ title: string }>).map((s) => s.title)
    expect(await titles(await asDeputy(app, 'dp0002')), 'asked by name').to.include('代表履职情况问卷')
    expect(await titles(zhang), 'another deputy would be refused (not_in_audience)').to.not.include('代表履职情况问卷')
    expect(await titles(resident)).to.not.include('代表履职情况问卷')
    expect((await zhang.get(`/api/mp/surveys/${named.body.id}`)).body.askedOthers, 'the page agrees: it is for others').to.equal(true)
  })

  it('is for people who have logged in', async () => {
    const anonymous = await new Client(app.baseUrl).get('/api/mp/tasks')
    expect(anonymous.status).to.equal(401)
    expect(anonymous.body.error.code).to.be.a('string')
  })
})
