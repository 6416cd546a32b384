import { expect } from 'chai'
import { runLeased } from '../../src/jobs/index.js'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asAdmin, asDeputy, asResident, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'
import { startApp } from '../helpers/app.js'
import { ballotBody, surveyBody } from '../helpers/surveys.js'

const HOUR = 3_600_000

describe("the deputies' daily digest", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-22T10:00:00Z')) // Sunday evening
    const resident = await asResident(app)
    await resident.post('/api/mp/cases', { text: '小区垃圾好几天没人清运', deputyCode: 'DP0001' })
    await resident.post('/api/mp/cases', { text: '楼道路灯不亮', deputyCode: 'DP0001' })
    const organizer = await asStaff(app, 'sunli')
    const { body: meeting } = await organizer.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001', 'dp0002'] } }))
    await organizer.post(`/api/admin/meetings/${meeting.id}/publish`)
    app.clock.set(new Date('2026-11-22T23:50:00Z')) // Monday 07:50
  })
  afterEach(() => app.close())

  const job = () => app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run() as Promise<{ made: number }>
  const digests = async () => (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest' })).items

  it('waits for the sending time, then sends one digest to each deputy with something to say', async () => {
    expect((await job()).made, 'before 08:00').to.equal(0)
    app.clock.advance(15 * 60_000)
    await job()
    const sent = await digests()
    expect(sent.map((m) => m.recipientId).sort(), '张伟 has cases and the meeting, 王芳 the meeting; the others nothing').to.deep.equal(['dp0001', 'dp0002'])
    const zhang = sent.find((m) => m.recipientId === 'dp0001')!.payload as { title: string; text: string }
    expect(zhang.title).to.equal('每日摘要：2 条留言今天到期')
    expect(zhang.text).to.include('【待办留言 2 条，其中今天到期 2 条】')
    expect(zhang.text).to.include('【近 7 天会议活动 1 个】\n· 11月26日（星期四）上午9:30 市人大常委会第十次会议（市人大常委会第一会议室），还没回复')
  })

  it('announces as new only the messages whose own notice has not reached the deputy', async () => {
    // 张伟 is on no channel yet: the notices of his two new messages could not be delivered.
    await app.liaison.services.dispatcher.drain()
    app.clock.advance(15 * 60_000)
    await job()
    const zhang = (await digests()).find((m) => m.recipientId === 'dp0001')!.payload as { text: string }
    expect(zhang.text.split('\n').filter((l) => l.endsWith('（新）'))).to.have.length(2)
  })

  it('lists the ballots a deputy has not cast and the surveys not filled in', async () => {
    const office = await asAdmin(app)
    const ballot = await office.post(
      '/api/admin/surveys',
      ballotBody({ opensAt: '2026-11-22T09:00:00+08:00', ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0002'] } } }),
    )
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(201)
    expect((await office.post('/api/admin/surveys', surveyBody({ opensAt: '2026-11-22T09:00:00+08:00' }))).status).to.equal(201)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/surveys/${ballot.body.id}/responses`, { answers: { projects: ['p1'] } })).status).to.equal(201)
    app.clock.advance(15 * 60_000)
    await job()
    const text = async (id: string) => ((await digests()).find((m) => m.recipientId === id)!.payload as { text: string }).text
    expect(await text('dp0001')).to.include(
      '【待投票 1 项，待填写问卷 1 份】\n· 票决《2027年民生实事项目票决》，请在11月30日（星期一）晚上6:00前投票\n· 问卷《社区绿化满意度调查》，请在11月30日（星期一）晚上6:00前填写',
    )
    expect(await text('dp0002'), 'voted already').to.include('【待填写问卷 1 份】\n· 问卷《社区绿化满意度调查》')
    expect(await text('dp0004'), 'a survey is enough to say something').to.include('【待填写问卷 1 份】')
  })

  it('tells only the deputies a survey is addressed to, not those it would refuse', async () => {
    const office = await asAdmin(app)
    const named = await office.post(
      '/api/admin/surveys',
      surveyBody({ title: '代表履职情况问卷', opensAt: '2026-11-22T09:00:00+08:00', audience: { deputyIds: ['dp0002'] } }),
    )
    expect(named.status, JSON.stringify(named.body)).to.equal(201)
    app.clock.advance(15 * 60_000)
    await job()
    const sent = await digests()
    const text = (id: string) => (sent.find((m) => m.recipientId === id)?.payload as { text: string } | undefined)?.text
    expect(text('dp0002'), 'asked by name').to.include('【待填写问卷 1 份】\n· 问卷《代表履职情况问卷》')
    expect(text('dp0001'), 'has cases, but is not asked').to.include('【待办留言 2 条').and.not.include('代表履职情况问卷')
    expect(sent.map((m) => m.recipientId).sort(), 'no digest (nor a subscription credit) spent only on a survey that would refuse them').to.deep.equal([
      'dp0001',
      'dp0002',
    ])
  })

  it('gives each deputy their own unread reading and study check-ins, read for every deputy together', async () => {
    const organizer = await asStaff(app, 'sunli')
    const campaign = await organizer.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '专题学习',
      startsAt: new Date(app.clock.now().getTime() - HOUR).toISOString(),
      endsAt: new Date(app.clock.now().getTime() + 30 * 24 * HOUR).toISOString(),
      audience: { stationIds: ['st001'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const item = async (title: string, required: boolean) =>
      (await organizer.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title, summary: '摘要', body: '<p>正文</p>', source: '中国人大网', required }))
        .body
    const optional = await item('解读文章', false)
    const required = await item('代表法全文', true)
    await (await asDeputy(app, 'dp0002')).get(`/api/mp/reading/${optional.id}`)
    const li = await asDeputy(app, 'dp0003')
    await li.get(`/api/mp/reading/${required.id}`)
    expect((await li.post(`/api/mp/campaigns/${campaign.body.id}/check-ins`, { itemId: required.id })).status).to.equal(201)
    app.clock.advance(15 * 60_000)
    await job()
    const text = async (id: string) => ((await digests()).find((m) => m.recipientId === id)!.payload as { text: string }).text
    const task = '【学习任务 1 项】\n· 学习贯彻代表法：完成《代表法全文》学习打卡'
    expect(await text('dp0001'))
      .to.include('【新学习材料 2 篇】\n· 《代表法全文》（必读）\n· 《解读文章》')
      .and.include(task)
    expect(await text('dp0002'), 'read the article')
      .to.include('【新学习材料 1 篇】\n· 《代表法全文》（必读）\n\n')
      .and.include(task)
    expect(await text('dp0003'), 'read and checked in')
      .to.include('【新学习材料 1 篇】\n· 《解读文章》')
      .and.not.include('学习任务')
    expect(
      (await digests()).map((m) => m.recipientId),
      'not in the audience, nothing else to say',
    ).to.not.include('dp0004')
  })

  it('never sends a second digest the same day: not on a re-run, not from a second instance', async () => {
    app.clock.advance(15 * 60_000)
    const { store, logger } = app.liaison
    const digestJob = app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!
    await Promise.all([runLeased(digestJob, store, app.clock, 'instance-a', logger), runLeased(digestJob, store, app.clock, 'instance-b', logger)])
    await job()
    app.clock.advance(4 * HOUR)
    await job()
    expect(await digests()).to.have.length(2)
    app.clock.advance(24 * HOUR)
    await job()
    expect(await digests(), 'the next day, a new one').to.have.length(4)
  })

  it("follows a deputy's own time, channel and quiet weekends", async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const saved = await zhang.request('PUT', '/api/mp/deputy/digest-preferences', { channels: ['bot_private'], sendAt: '09:30', muteWeekends: true })
    expect(saved.status).to.equal(200)
    expect((await zhang.request('PUT', '/api/mp/deputy/digest-preferences', { channels: ['fax'], sendAt: '25:00', muteWeekends: true })).status).to.equal(400)
    app.clock.advance(15 * 60_000)
    await job()
    expect((await digests()).map((m) => m.recipientId)).to.deep.equal(['dp0002'])
    app.clock.advance(90 * 60_000) // 09:35
    await job()
    const mine = (await digests()).find((m) => m.recipientId === 'dp0001')!
    expect(mine.payload.channels).to.deep.equal(['bot_private'])
    // Bound to the bot only through their contact: the message goes to the bot, not elsewhere.
    await app.liaison.store.mpUsers.update(zhang.userId, { botContactId: 'wxid_zhang' })
    await app.liaison.services.dispatcher.drain()
    expect((await app.liaison.store.outbox.get(mine.id))!).to.deep.include({ channel: 'bot_private', address: 'wxid_zhang' })
    app.clock.set(new Date('2026-11-28T02:00:00Z')) // Saturday 10:00
    await job()
    expect(
      (await digests()).filter((m) => m.recipientId === 'dp0001'),
      'open cases, but a quiet weekend',
    ).to.have.length(1)
  })

  it("never takes a group as a deputy's digest channel; an old choice of only the group falls back to the usual order", async () => {
    const zhang = await asDeputy(app, 'dp0001')
    await app.liaison.store.mpUsers.update(zhang.userId, { botContactId: 'wxid_zhang' })
    const url = '/api/mp/deputy/digest-preferences'
    expect((await zhang.request('PUT', url, { channels: ['bot_private'], sendAt: null, muteWeekends: false })).status).to.equal(200)
    const refused = await zhang.request('PUT', url, { channels: ['wecom_group'], sendAt: null, muteWeekends: false })
    expect(refused.status).to.equal(400)
    expect(refused.body.error).to.include({ code: 'validation_failed' })
    expect(refused.body.error.details[0].message).to.equal('接收方式只能选小程序消息（mp_subscribe）或微信私聊（bot_private）')
    expect((await zhang.get(url)).body.channels, 'nothing changed').to.deep.equal(['bot_private'])

    // Saved by an older version that offered the station's group.
    await app.liaison.store.digests.savePreferences('dp0001', { channels: ['wecom_group'], sendAt: null, muteWeekends: false }, app.clock.now())
    expect((await zhang.get(url)).body.channels, 'the page shows the usual order').to.deep.equal([])
    app.clock.advance(15 * 60_000)
    await job()
    await app.liaison.services.dispatcher.drain()
    const mine = (await digests()).find((m) => m.recipientId === 'dp0001')!
    expect(mine, 'reaches him by the bot, not 未能送达').to.deep.include({ status: 'pending', channel: 'bot_private', address: 'wxid_zhang' })
  })

  it("keeps a deputy's digest time out of the night's quiet hours: refused in words, and an old choice made at their end", async () => {
    const quiet = await startApp({ directory: meetingCity(), overrides: { outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: [] } } } })
    try {
      quiet.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday 10:00
      const resident = await asResident(quiet)
      expect((await resident.post('/api/mp/cases', { text: '小区垃圾好几天没人清运', deputyCode: 'DP0001' })).status).to.equal(201)
      const zhang = await asDeputy(quiet, 'dp0001')
      const url = '/api/mp/deputy/digest-preferences'
      // 20:50 is not quiet yet, but the job's run after it (21:00) is: made then, it would wait for a morning when its day is over.
      for (const sendAt of ['07:30', '20:50', '21:30']) {
        const refused = await zhang.request('PUT', url, { channels: [], sendAt, muteWeekends: true })
        expect(refused.status, sendAt).to.equal(422)
        expect(refused.body.error).to.deep.include({ code: 'send_time_quiet', message: '发送时间请选 8:00–20:45（21:00 至次日 8:00 夜间免打扰，不发消息）' })
        expect(refused.body.error.details).to.deep.equal([{ path: 'body.sendAt', message: refused.body.error.message }])
      }
      const shown = (await zhang.get(url)).body
      expect(shown, 'nothing changed; the page is told the window, and when the station sends').to.deep.equal({
        channels: [],
        sendAt: null,
        muteWeekends: false,
        sendWindow: { from: '08:00', to: '20:45' },
        stationSendAt: '08:00',
        // Whether each way reaches him now: neither, with WeChat sending off and no chat joined.
        reach: { mp_subscribe: false, bot_private: false, templateId: null, mpSends: { longTerm: false, left: 0 } },
      })
      expect((await zhang.request('PUT', url, { channels: [], sendAt: '20:45', muteWeekends: true })).status).to.equal(200)
      await quiet.liaison.store.digests.savePreferences('dp0001', { channels: [], sendAt: '20:50', muteWeekends: true }, quiet.clock.now())
      expect((await zhang.get(url)).body.sendAt, 'an older choice just before quiet hours: the last minute that still works').to.equal('20:45')

      // Saved by an older version: 21:30, weekends muted. Friday's digest comes on Friday at 08:00, not on the muted Saturday.
      await quiet.liaison.store.digests.savePreferences('dp0001', { channels: [], sendAt: '21:30', muteWeekends: true }, quiet.clock.now())
      expect((await zhang.get(url)).body.sendAt, 'the time it really comes').to.equal('08:00')
      quiet.clock.set(new Date('2026-11-27T00:05:00Z')) // Friday 08:05
      await quiet.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
      const made = (await quiet.liaison.store.outbox.search({ limit: 5, kind: 'digest', recipientId: 'dp0001' })).items
      expect(made.map((m) => (m.payload as { text: string }).text.split('\n')[0])).to.deep.equal(['张伟代表，您好！今日摘要（11月27日）'])
    } finally {
      await quiet.close()
    }
  })

  it('shows an organizer previewing a deputy of two districts only the messages and meetings they may open', async () => {
    // 马红 receives at 轻工街道 (湛河区) and at 新华区's station: her digest has both districts' messages.
    const city = meetingCity()
    city.deputies.push({ id: 'dp0007', code: 'DP0007', name: '马红', level: 'city', stationIds: ['st001', 'st004'], topics: [], phone: null, dutyDates: [] })
    const two = await startApp({ directory: city })
    try {
      two.clock.set(new Date('2026-11-22T10:00:00Z'))
      const resident = await asResident(two)
      for (const [text, stationCode] of [
        ['湛河区这边的路灯坏了', 'ST001'],
        ['新华区这边噪音扰民', 'ST004'],
      ]) {
        const sent = await resident.post('/api/mp/cases', { text, deputyCode: 'DP0007', stationCode })
        expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      }
      const qianqi = await asStaff(two, 'qianqi') // 新华区
      const { body: meeting } = await qianqi.post('/api/admin/meetings', meetingBody({ title: '新华区代表接待日', selector: { deputyIds: ['dp0007'] } }))
      await qianqi.post(`/api/admin/meetings/${meeting.id}/publish`)

      const preview = async (who: Awaited<ReturnType<typeof asStaff>>) => {
        const answer = await who.get('/api/admin/deputies/dp0007/digest?date=2026-11-23')
        expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
        return answer.body.digest.text as string
      }
      const office = await preview(await asAdmin(two))
      expect(office, 'the office sees what she will get').to.include('湛河区这边').and.include('新华区这边').and.include('新华区代表接待日')
      const sunli = await preview(await asStaff(two, 'sunli')) // 湛河区
      expect(sunli).to.include('湛河区这边')
      expect(sunli, "新华区's resident's words are not 湛河区's to read").not.to.include('新华区这边')
      const followed = await (await asStaff(two, 'sunli')).get(`/api/admin/meetings/${meeting.id}`)
      expect(followed.status, 'the meeting invites a deputy of 湛河区: 湛河区 follows it in the console, and in the preview').to.equal(200)
      expect(sunli).to.include('新华区代表接待日')
      expect(await preview(qianqi))
        .to.include('新华区这边')
        .and.not.include('湛河区这边')
    } finally {
      await two.close()
    }
  })

  it("lets organizers preview any deputy's digest for any date, and see how a day's delivery goes", async () => {
    const admin = await asAdmin(app)
    const preview = await admin.get('/api/admin/deputies/dp0001/digest?date=2026-11-23')
    expect(preview.body.digest.text).to.include('【待办留言 2 条')
    expect(await digests(), 'a preview sends nothing').to.have.length(0)
    expect((await admin.get('/api/admin/deputies/dp0004/digest?date=2026-11-23')).body.digest).to.equal(null)
    expect((await admin.get('/api/admin/deputies/dp0001/digest?date=tomorrow')).status).to.equal(400)
    expect((await (await asStaff(app, 'lina')).get('/api/admin/deputies/dp0001/digest?date=2026-11-23')).status).to.equal(403)
    app.clock.advance(15 * 60_000)
    await job()
    const delivery = await admin.get('/api/admin/digests?date=2026-11-23')
    expect(delivery.body.channels).to.deep.equal([{ channel: 'auto', counts: { pending: 2 }, expectedDoneAt: null }])
  })
})
