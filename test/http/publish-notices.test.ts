import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { ballotBody, consultationBody, surveyBody } from '../helpers/surveys.js'

/**
 * People find what they are asked to do: publishing a ballot or a quiz tells its audience
 * once, and organizers see who has not answered and whether each notice arrived.
 */
describe('notices of ballots and quizzes, and who has not answered', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const messages = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 100, kind })).items
  const recipients = async (kind: string) => (await messages(kind)).map((m) => `${m.recipientKind}:${m.recipientId}`).sort()

  /** The dispatcher's outcome for one person's message, as delivery would record it. */
  async function deliver(kind: string, recipientId: string, outcome: 'sent' | 'dead', error = '') {
    const { outbox } = app.liaison.store
    const leased = await outbox.claimDue(app.clock.now(), { limit: 100, leaseMs: 60_000, holder: 'test', channels: ['auto'] })
    for (const m of leased) {
      if (m.kind === kind && m.recipientId === recipientId) {
        await outbox.complete(
          m.id,
          'test',
          outcome === 'sent' ? { status: 'sent', at: app.clock.now(), channel: 'mp_subscribe', address: 'o-x' } : { status: 'dead', error },
        )
      } else {
        await outbox.complete(m.id, 'test', { status: 'pending', channel: 'auto', address: null, until: app.clock.now(), reason: null })
      }
    }
  }

  it("tells each deputy on a ballot's roll once; a survey without an audience tells nobody", async () => {
    const ballot = await office.post('/api/admin/surveys', ballotBody())
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(201)
    expect(await recipients('ballot.published')).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0006'])
    const [one] = await messages('ballot.published')
    expect(one.payload).to.deep.include({
      surveyId: ballot.body.id,
      text: '票决通知：《2027年民生实事项目票决》已开始，11月30日 18:00 截止。请在小程序“代表工作台”的“我的待办”中投票。',
    })
    expect(one.dedupeKey).to.equal(`ballot:${ballot.body.id}:published:${one.recipientKind}:${one.recipientId}`)
    await office.post('/api/admin/surveys', surveyBody())
    expect(await messages('survey.published')).to.deep.equal([])
  })

  it('tells the deputies a consultation is asked of when it is published, once, and shows who has not answered', async () => {
    const draft = await office.post('/api/admin/surveys', consultationBody({ audience: { districtIds: ['d01'] }, draft: true }))
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect(draft.body.audience, 'the deputies of 湛河区').to.equal(5)
    expect(await messages('survey.published'), 'a draft tells nobody').to.deep.equal([])
    expect((await office.post(`/api/admin/surveys/${draft.body.id}/publish`)).status).to.equal(200)
    expect(await recipients('survey.published')).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0003', 'deputy:dp0004', 'deputy:dp0005'])
    expect((await messages('survey.published'))[0].payload.text).to.equal(
      '征求意见：《青澜市城市绿化条例（草案）征求意见》已开始，11月30日 18:00 截止。请在小程序“代表工作台”的“我的待办”中填写。',
    )

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/surveys/${draft.body.id}/responses`, { answers: { q1: 'o1' }, comments: [] })).status).to.equal(201)
    await deliver('survey.published', 'dp0002', 'sent')
    const waiting = await office.get(`/api/admin/surveys/${draft.body.id}/not-voted`)
    expect(waiting.status, JSON.stringify(waiting.body)).to.equal(200)
    expect(waiting.body).to.deep.include({ roll: 5, voted: 1 })
    expect(waiting.body.items.map((i: { deputyId: string }) => i.deputyId)).to.deep.equal(['dp0002', 'dp0003', 'dp0004', 'dp0005'])
    expect(waiting.body.items[0].notice).to.include({ state: 'delivered', label: '已送达' })
    expect(waiting.body.items[1].notice).to.include({ label: '待发送' })

    const unknown = await office.post('/api/admin/surveys', surveyBody({ audience: { deputyIds: ['dp9999'] } }))
    expect([unknown.status, unknown.body.error.code, unknown.body.error.details[0].path]).to.deep.equal([422, 'invalid_roll', 'body.audience.deputyIds'])
  })

  it("tells a quiz's audience within the organizer's districts, and no resident one by one", async () => {
    await quizWithBank(app, office, { audience: 'deputies', opensAt: '2026-11-24T09:00:00+08:00' })
    expect(await recipients('quiz.published')).to.deep.equal([
      'deputy:dp0001',
      'deputy:dp0002',
      'deputy:dp0003',
      'deputy:dp0004',
      'deputy:dp0005',
      'deputy:dp0006',
    ])
    expect((await messages('quiz.published'))[0].payload.text).to.equal(
      '知识竞赛：《代表法知识竞赛》11月24日 9:00 开始，11月24日 10:00 截止。开始后请在小程序“代表工作台”的“我的待办”中答题，欢迎参加。',
    )
    const quiz = await quizWithBank(app, await asStaff(app, 'qianqi'), { audience: 'deputies', title: '新华区竞赛' })
    const xinhua = (await messages('quiz.published')).filter((m) => m.payload.quizId === quiz.id)
    expect(
      xinhua.map((m) => m.recipientId),
      '钱七 looks after 新华区 only',
    ).to.deep.equal(['dp0006'])
    // Open already: where to take it, and it is there.
    expect(xinhua[0].payload.text).to.equal('知识竞赛：《新华区竞赛》已开始，11月24日 10:00 截止。请在小程序“代表工作台”的“我的待办”中答题，欢迎参加。')
    const waiting = (await (await asDeputy(app, 'dp0006')).get('/api/mp/tasks')).body
    expect(waiting.quizzes.map((q: { title: string; actionLabel: string }) => `${q.title} ${q.actionLabel}`)).to.include('新华区竞赛 去答题')
    await quizWithBank(app, office, { audience: 'residents', title: '群众竞赛' })
    expect(await messages('quiz.published')).to.have.length(7)
  })

  it('tells deputies of a ballot or consultation that opens later to look in 我的待办 once it has begun, where it then is', async () => {
    // Published Monday 10:00, both open Tuesday 09:00: until then neither is in 我的待办 (surveys.openAt).
    const tuesday = '2026-11-24T09:00:00+08:00'
    const ballot = await office.post('/api/admin/surveys', ballotBody({ opensAt: tuesday }))
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(201)
    const consultation = await office.post('/api/admin/surveys', consultationBody({ audience: { deputyIds: ['dp0001'] }, opensAt: tuesday }))
    expect(consultation.status, JSON.stringify(consultation.body)).to.equal(201)
    expect((await messages('ballot.published')).find((m) => m.recipientId === 'dp0001')!.payload.text).to.equal(
      '票决通知：《2027年民生实事项目票决》11月24日 9:00 开始，11月30日 18:00 截止。开始后请在小程序“代表工作台”的“我的待办”中投票。',
    )
    expect((await messages('survey.published')).find((m) => m.recipientId === 'dp0001')!.payload.text).to.equal(
      '征求意见：《青澜市城市绿化条例（草案）征求意见》11月24日 9:00 开始，11月30日 18:00 截止。开始后请在小程序“代表工作台”的“我的待办”中填写。',
    )
    const todo = async () => {
      const tasks = (await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks')).body
      return [...tasks.ballots, ...tasks.surveys].map((t: { title: string }) => t.title)
    }
    expect(await todo(), 'nothing to find there on Monday').to.deep.equal([])
    app.clock.set(new Date('2026-11-24T01:05:00Z')) // Tuesday 09:05
    expect(await todo(), 'both there once begun').to.have.members(['2027年民生实事项目票决', '青澜市城市绿化条例（草案）征求意见'])
  })

  it('tells nobody of a draft ballot, and its roll once when it is published', async () => {
    const draft = await office.post('/api/admin/surveys', ballotBody({ draft: true }))
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect(await messages('ballot.published'), 'a draft is still being prepared').to.deep.equal([])
    expect((await office.patch(`/api/admin/surveys/${draft.body.id}`, { title: '2027年民生实事项目票决（修订）' })).status).to.equal(200)
    expect(await messages('ballot.published'), 'correcting a draft tells nobody either').to.deep.equal([])
    expect((await office.post(`/api/admin/surveys/${draft.body.id}/publish`)).status).to.equal(200)
    expect(await recipients('ballot.published')).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0006'])
    expect((await messages('ballot.published'))[0].payload.text).to.equal(
      '票决通知：《2027年民生实事项目票决（修订）》已开始，11月30日 18:00 截止。请在小程序“代表工作台”的“我的待办”中投票。',
    )
    expect((await office.post(`/api/admin/surveys/${draft.body.id}/publish`)).status, 'published once').to.equal(409)
    expect(await messages('ballot.published')).to.have.length(3)
  })

  it('tells nobody of a draft quiz, and its audience once when it is published', async () => {
    const quiz = await quizWithBank(app, office, { audience: 'deputies', draft: true })
    expect(await messages('quiz.published'), 'a draft is still being prepared').to.deep.equal([])
    expect((await office.post(`/api/admin/quizzes/${quiz.id}/publish`)).status).to.equal(200)
    expect(await recipients('quiz.published')).to.deep.equal([
      'deputy:dp0001',
      'deputy:dp0002',
      'deputy:dp0003',
      'deputy:dp0004',
      'deputy:dp0005',
      'deputy:dp0006',
    ])
    expect((await office.post(`/api/admin/quizzes/${quiz.id}/publish`)).status, 'published once').to.equal(409)
    expect(await messages('quiz.published')).to.have.length(6)
  })

  it("shows organizers who has not voted and whether each one's notice arrived", async () => {
    const { body: ballot } = await office.post('/api/admin/surveys', ballotBody())
    expect((await (await asDeputy(app, 'dp0002')).post(`/api/mp/surveys/${ballot.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    await deliver('ballot.published', 'dp0001', 'sent')
    await deliver('ballot.published', 'dp0006', 'dead', '未能送达：该代表未使用小程序，也未绑定微信助手')
    const answer = await office.get(`/api/admin/surveys/${ballot.id}/not-voted`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.deep.equal({
      survey: { id: ballot.id, title: '2027年民生实事项目票决', closesAt: '2026-11-30T10:00:00.000Z' },
      roll: 3,
      voted: 1,
      items: [
        { deputyId: 'dp0001', name: '张伟', notice: { state: 'delivered', label: '已送达', reason: null, sentAt: '2026-11-23T02:00:00.000Z' } },
        {
          deputyId: 'dp0006',
          name: '陈静',
          notice: { state: 'undeliverable', label: '未能送达', reason: '未能送达：该代表未使用小程序，也未绑定微信助手', sentAt: null },
        },
      ],
    })
    const { body: survey } = await office.post('/api/admin/surveys', surveyBody())
    const notBallot = await office.get(`/api/admin/surveys/${survey.id}/not-voted`)
    expect(notBallot.status).to.equal(422)
    expect(notBallot.body.error.code).to.equal('not_a_ballot')
    const district = await (await asStaff(app, 'qianqi')).get(`/api/admin/surveys/${ballot.id}/not-voted`)
    expect(district.status, 'a district organizer follows a city ballot').to.equal(200)
    expect(district.body, "but only their own district's deputies (陈静 of 新华区, not 张伟 or 王芳)").to.deep.include({ roll: 1, voted: 0 })
    expect(district.body.items.map((i: { deputyId: string }) => i.deputyId)).to.deep.equal(['dp0006'])
    expect((await (await asStaff(app, 'lina')).get(`/api/admin/surveys/${ballot.id}/not-voted`)).status, 'station staff do not run ballots').to.equal(403)
    const malformed = await office.get('/api/admin/surveys/not-a-survey/not-voted')
    expect([malformed.status, malformed.body.error.code]).to.deep.equal([400, 'validation_failed'])
  })

  it('shows beside each invitee of a meeting whether the notice arrived', async () => {
    const { body: draft } = await office.post('/api/admin/meetings', meetingBody())
    await office.post(`/api/admin/meetings/${draft.id}/publish`)
    await deliver('meeting.notice', 'dp0001', 'sent')
    await deliver('meeting.notice', 'sf01', 'dead', '未能送达：该工作人员没有可用的接收渠道')
    const table = (await office.get(`/api/admin/meetings/${draft.id}/invitees`)).body
    expect(
      table.items.map((i: { name: string; rsvpLabel: string; notice: { label: string; reason: string | null } }) =>
        `${i.name} ${i.rsvpLabel} ${i.notice.label} ${i.notice.reason ?? ''}`.trim(),
      ),
    ).to.deep.equal(['张伟 未回复 已送达', '王芳 未回复 待发送', '陈静 未回复 待发送', '李娜 未回复 未能送达 未能送达：该工作人员没有可用的接收渠道'])
  })
})
