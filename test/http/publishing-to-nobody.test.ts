import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'
import { consultationBody, surveyBody } from '../helpers/surveys.js'

const HOUR = 3_600_000

/**
 * What an organizer publishes reaches someone, or is refused saying what to choose: a survey
 * asked of deputies that names none, a campaign whose choice names nobody. Refused, nothing is
 * kept and nobody is told. In the meeting city: 湛河区 (d01) has five deputies of five levels,
 * 新华区 (d02) one city deputy (陈静) and one station clerk (王五).
 */
describe('publishing to nobody', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const outbox = async () => (await app.liaison.store.outbox.search({ limit: 100 })).items
  const surveys = async () => (await app.liaison.store.surveys.search({ limit: 100 })).items

  it('refuses a survey asked of deputies with no level or district chosen, keeping nothing and telling nobody', async () => {
    for (const draft of [false, true]) {
      const refused = await office.post('/api/admin/surveys', surveyBody({ audience: {}, draft }))
      expect(refused.status, `draft: ${draft}`).to.equal(422)
      expect(refused.body).to.deep.equal({
        error: {
          code: 'no_audience',
          message: '打开了“请代表填写”，但还没有选择请哪些代表',
          details: [{ path: 'body.audience', message: '请勾选代表层级或选择区县；想让任何人扫码填写，请关掉“请代表填写”' }],
        },
      })
    }
    expect(await surveys(), 'nothing saved').to.deep.equal([])
    expect(await outbox(), 'nobody told').to.deep.equal([])
    // Open to anyone with the poster (no audience at all) is another thing, and is published.
    expect((await office.post('/api/admin/surveys', surveyBody())).status).to.equal(201)
  })

  it('refuses a consultation whose levels and districts hold no serving deputy, and counts them while they are chosen', async () => {
    // 新华区 has only 陈静, a city deputy: no township deputy there.
    const nobody = { levels: ['township'], districtIds: ['d02'] }
    const refused = await office.post('/api/admin/surveys', consultationBody({ audience: nobody }))
    expect(refused.status, 'a consultation asking nobody is not made').to.equal(422)
    expect([refused.status, refused.body.error.code, refused.body.error.message]).to.deep.equal([422, 'no_audience', '所选的代表层级和区县里没有在任的代表'])
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.audience', message: '所选范围内没有代表，请改选代表层级或区县' }])
    expect(await surveys()).to.deep.equal([])
    expect(await outbox()).to.deep.equal([])

    // What the console shows beside 代表层级 while the choice is made: the same deputies saving would ask.
    const count = (audience: Record<string, unknown>) => office.post('/api/admin/surveys/audience-preview', { audience })
    expect((await count(nobody)).body).to.deep.equal({ count: 0 })
    expect((await count({ districtIds: ['d01'] })).body).to.deep.equal({ count: 5 })
    expect((await count({ levels: ['city'] })).body, '张伟 and 陈静').to.deep.equal({ count: 2 })
    // 孙丽 of 湛河区 counts within her district only.
    expect((await (await asStaff(app, 'sunli')).post('/api/admin/surveys/audience-preview', { audience: { levels: ['city'] } })).body).to.deep.equal({
      count: 1,
    })
  })

  it('refuses to publish a draft saved asking no deputy (as older versions kept it), changing nothing', async () => {
    const draft = await office.post('/api/admin/surveys', surveyBody({ audience: { districtIds: ['d02'] }, draft: true }))
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    // As a draft saved before the refusal was kept: asking of deputies, and of none.
    const stored = (await app.liaison.store.surveys.get(draft.body.id))!
    await app.liaison.store.surveys.update({ ...stored, audienceDeputyIds: [] })

    const refused = await office.post(`/api/admin/surveys/${draft.body.id}/publish`)
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.equal({
      code: 'no_audience',
      message: '这份问卷请代表填写，但没有选中任何代表，不能发布',
      details: [{ path: 'audience', message: '请新建一份问卷，勾选代表层级或选择区县后再发布' }],
    })
    expect((await office.get(`/api/admin/surveys/${draft.body.id}`)).body.status, 'still a draft').to.equal('draft')
    expect(await outbox()).to.deep.equal([])
  })

  it('refuses a campaign whose choice names nobody to study it, and one given no choice at all', async () => {
    const campaigns = async () => (await app.liaison.store.campaigns.search({ limit: 100 })).items
    const base = { title: '学习贯彻代表法', endsAt: new Date(app.clock.now().getTime() + 30 * 24 * HOUR).toISOString() }
    // 钱七 of 新华区: her district has no national deputy.
    const qianqi = await asStaff(app, 'qianqi')
    const nobody = await qianqi.post('/api/admin/campaigns', { ...base, audience: { levels: ['national'], followers: true } })
    expect(nobody.status).to.equal(422)
    expect(nobody.body).to.deep.equal({
      error: {
        code: 'no_audience',
        message: '所选范围内现在没有要学习的人',
        details: [{ path: 'body.audience', message: '所选的代表层级和区县里没有在任的代表或工作人员，请改选代表层级或区县' }],
      },
    })
    // The console's form sent with only a title: nobody ticked.
    const untouched = await qianqi.post('/api/admin/campaigns', { ...base, audience: { staff: false, followers: false } })
    expect([untouched.status, untouched.body.error.message]).to.deep.equal([422, '还没有选择活动面向哪些人'])
    expect(untouched.body.error.details).to.deep.equal([{ path: 'body.audience', message: '请选择活动面向哪些人：勾选代表层级或选择区县' }])
    expect(await campaigns(), 'nothing created').to.deep.equal([])
    expect(await outbox()).to.deep.equal([])

    // What the console shows while the choice is made, within her district: 陈静, and 王五 when staff are included.
    const count = (audience: Record<string, unknown>) => qianqi.post('/api/admin/campaigns/audience-preview', { audience })
    expect((await count({ levels: ['national'] })).body).to.deep.equal({ count: 0, deputies: 0, staff: 0 })
    expect((await count({ levels: ['city', 'national'], staff: true })).body).to.deep.equal({ count: 2, deputies: 1, staff: 1 })
    // Open to followers only, chosen as such: residents follow it one by one from the mini-program.
    expect((await qianqi.post('/api/admin/campaigns', { ...base, audience: { followers: true } })).status).to.equal(201)
  })
})

/**
 * 提醒未回复 asks only invitees whose notice has gone out and had time to be read: a meeting
 * published at night holds every notice until 08:00, and a nudge queued then would arrive with
 * it, nagging about the message just received.
 */
describe('reminding invitees of a meeting published at night', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: [] } } } })
    app.clock.set(new Date('2026-11-23T14:00:00Z')) // Monday 22:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const nudges = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.rsvp_nudge' })).items

  /** The dispatcher at 08:00: each notice goes out, except to those named, whom it cannot reach. */
  async function morningRound(unreachable: string[] = []) {
    const { outbox } = app.liaison.store
    const now = app.clock.now()
    for (const m of await outbox.claimDue(now, { limit: 100, leaseMs: 60_000, holder: 'test', channels: ['auto'] }))
      await outbox.complete(
        m.id,
        'test',
        unreachable.includes(m.recipientId)
          ? { status: 'dead', error: '未能送达：收件人没有绑定微信' }
          : { status: 'sent', at: now, channel: 'mp_subscribe', address: `o-${m.recipientId}` },
      )
  }

  it('queues nothing while the notices wait for the morning, and says so; asks once they have been read', async () => {
    const { body: m } = await office.post('/api/admin/meetings', meetingBody())
    expect((await office.post(`/api/admin/meetings/${m.id}/publish`)).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()

    const night = (await office.get(`/api/admin/meetings/${m.id}/invitees`)).body
    expect(night.items.map((i: { notice: { label: string; reason: string } }) => `${i.notice.label} ${i.notice.reason}`)).to.deep.equal(
      Array(4).fill('待发送 夜间免打扰，8:00 后发送'),
    )
    expect(night, 'no button: the words instead').to.include({
      remindable: 0,
      remindHeld: '通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后可以提醒还没回复的人',
    })

    const refused = await office.post(`/api/admin/meetings/${m.id}/remind`)
    expect(refused.status).to.equal(409)
    expect(refused.body).to.deep.equal({
      error: { code: 'notice_not_sent', message: '通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后可以提醒还没回复的人', details: [] },
    })
    expect(await nudges(), 'nothing queued behind the notices').to.deep.equal([])
    expect((await office.get(`/api/admin/meetings/${m.id}`)).body, 'no round counted').to.include({ reminderRounds: 0, lastRemindedAt: null })

    // 08:00 the notices go out, but not to 陈静 (no way to reach her); at 08:20 they are just out.
    app.clock.set(new Date('2026-11-24T00:00:00Z'))
    await morningRound(['dp0006'])
    app.clock.set(new Date('2026-11-24T00:20:00Z'))
    office = await asAdmin(app)
    const early = await office.post(`/api/admin/meetings/${m.id}/remind`)
    expect([early.status, early.body.error.code, early.body.error.message]).to.deep.equal([
      409,
      'notice_just_sent',
      '3 人的通知刚发出不久，请在 11月24日 9:00 以后再提醒，给大家留出看通知的时间；1 人的通知没有送达，提醒也发不到，请电话联系',
    ])
    expect(await nudges()).to.deep.equal([])

    // 09:00: those whose notice arrived an hour ago are asked; 陈静 is not, and the organizer reads why.
    app.clock.set(new Date('2026-11-24T01:00:00Z'))
    office = await asAdmin(app)
    expect((await office.get(`/api/admin/meetings/${m.id}/invitees`)).body).to.include({
      remindable: 3,
      remindHeld: '另有 1 人的通知没有送达，提醒也发不到，请电话联系',
    })
    const asked = await office.post(`/api/admin/meetings/${m.id}/remind`)
    expect(asked.body).to.deep.equal({ reminded: 3, round: 1, held: '另有 1 人的通知没有送达，提醒也发不到，请电话联系' })
    expect((await nudges()).map((n) => `${n.recipientKind}:${n.recipientId}`).sort()).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'staff:sf01'])
  })
})
