import { expect } from 'chai'
import { READING_PUBLISH_JOB } from '../../src/jobs/reading-publish-job.js'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * A study campaign (学习宣传) as the people in it live it: an organizer of 湛河区 runs one
 * for the deputies of 轻工街道代表联络站, publishes a required article and schedules
 * another; the station's room hears of each once; deputies read and check in; the
 * organizer watches progress; a resident follows it from the mini-program.
 */
describe('a study campaign with reading, read receipts and check-ins', () => {
  let app: TestApp
  let organizer: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // 孙丽, organizer of 湛河区
  })
  afterEach(() => app.close())

  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  const publishJob = () => app.liaison.jobs.find((j) => j.name === READING_PUBLISH_JOB)!.run()
  const notices = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'reading.published' })).items

  async function createCampaign(over: Record<string, unknown> = {}) {
    const answer = await organizer.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '每月一次、上下同题',
      startsAt: at(-HOUR),
      endsAt: at(30 * DAY),
      audience: { stationIds: ['st001'], followers: true },
      ...over,
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body
  }
  async function addItem(campaignId: string, over: Record<string, unknown> = {}) {
    const answer = await organizer.post(`/api/admin/campaigns/${campaignId}/items`, {
      title: '代表法全文',
      summary: '第一章 总则',
      body: '<h2>第一章</h2><p>为了保证代表依法行使职权……</p>',
      source: '中国人大网',
      required: true,
      ...over,
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body
  }

  it("publishes to the station's room once per item, not to each deputy, and schedules the next item", async () => {
    const campaign = await createCampaign()
    expect(campaign).to.deep.include({ title: '学习贯彻代表法', phase: 'running', phaseLabel: '进行中', scopeDistrictIds: ['d01'] })

    const now = await addItem(campaign.id)
    expect(now).to.include({ status: 'published', required: true })
    const sent = await notices()
    expect(
      sent.map((m) => `${m.recipientKind}:${m.recipientId}`),
      'one room, three deputies',
    ).to.deep.equal(['station:st001'])
    expect(sent[0].payload.text).to.equal('【学习材料】「学习贯彻代表法」发布了《代表法全文》（必读）。请本站 3 位代表在小程序“学习”中阅读并打卡。')
    expect((await app.liaison.store.outbox.search({ limit: 100, recipientId: 'dp0001' })).items).to.deep.equal([])

    const later = await addItem(campaign.id, {
      title: '代表履职小故事',
      body: null,
      link: 'https://www.npc.gov.cn/story',
      required: false,
      publishAt: at(2 * HOUR),
    })
    expect(later).to.include({ status: 'scheduled', statusLabel: '定时发布', publishedAt: null })
    await publishJob()
    expect(await notices(), 'not before its time').to.have.length(1)
    app.clock.advance(2 * HOUR)
    const twoInstances = (await Promise.all([publishJob(), publishJob()])) as Array<{ published: number }>
    expect(twoInstances.map((r) => r.published).sort(), 'two instances at once publish it once').to.deep.equal([0, 1])
    expect(await publishJob(), 'a re-run publishes nothing again').to.deep.equal({ published: 0 })
    expect((await notices()).map((m) => m.payload.title)).to.have.members(['代表法全文', '代表履职小故事'])
    await organizer.login('sunli', STAFF_PASSWORD) // the console session idled out meanwhile
    const detail = await organizer.get(`/api/admin/campaigns/${campaign.id}`)
    expect(detail.status, JSON.stringify(detail.body)).to.equal(200)
    expect(detail.body.items.map((i: { status: string }) => i.status)).to.deep.equal(['published', 'published'])
  })

  it('records the read when a deputy opens an item, takes a check-in with a reflection, and shows progress', async () => {
    const campaign = await createCampaign()
    const required = await addItem(campaign.id)
    await addItem(campaign.id, { title: '解读文章', required: false })
    const zhang = await asDeputy(app, 'dp0001')

    const mine = await zhang.get('/api/mp/campaigns')
    expect(mine.body.items).to.have.length(1)
    expect(mine.body.items[0]).to.include({ id: campaign.id, itemsReached: 2, itemsRead: 0, following: false })
    const list = await zhang.get(`/api/mp/campaigns/${campaign.id}`)
    expect(list.body.items.map((i: { title: string; read: boolean }) => [i.title, i.read])).to.deep.equal([
      ['代表法全文', false],
      ['解读文章', false],
    ])

    const unopened = await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { itemId: required.id, reflection: '还没读' })
    expect(unopened.status, 'no check-in on an item never opened').to.equal(409)
    expect(unopened.body.error).to.include({ code: 'not_read', message: '请先打开这篇学习材料阅读，再打卡' })
    expect((await zhang.get(`/api/mp/campaigns/${campaign.id}`)).body.checkIns, 'nothing recorded').to.deep.equal([])

    const opened = await zhang.get(`/api/mp/reading/${required.id}`)
    expect(opened.status).to.equal(200)
    expect(opened.body).to.include({ title: '代表法全文', campaignTitle: '学习贯彻代表法', source: '中国人大网' })
    expect(opened.body.body).to.equal('<h2>第一章</h2><p>为了保证代表依法行使职权……</p>')
    await zhang.get(`/api/mp/reading/${required.id}`)
    expect((await zhang.get(`/api/mp/campaigns/${campaign.id}`)).body.items[0].read).to.equal(true)

    const checkIn = await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { itemId: required.id, reflection: '代表要密切联系群众。' })
    expect(checkIn.status, JSON.stringify(checkIn.body)).to.equal(201)
    expect(checkIn.body).to.include({ itemId: required.id, reflection: '代表要密切联系群众。' })
    const again = await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { itemId: required.id })
    expect(again.status).to.equal(409)
    expect(again.body.error.code).to.equal('already_checked_in')

    const people = await organizer.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)
    expect(people.status).to.equal(200)
    const row = (id: string) => people.body.items.find((p: { id: string }) => p.id === id)
    expect(people.body.items.map((p: { id: string }) => p.id)).to.have.members(['dp0001', 'dp0002', 'dp0003'])
    expect(row('dp0001')).to.include({
      name: '张伟',
      stationName: '轻工街道代表联络站',
      districtName: '湛河区',
      itemsReached: 2,
      itemsRead: 1,
      requiredRead: 1,
      reached: true,
      read: true,
      checkedIn: true,
      lastReflection: '代表要密切联系群众。',
    })
    expect(row('dp0002')).to.include({ name: '王芳', itemsReached: 2, itemsRead: 0, read: false, checkedIn: false })

    const stations = await organizer.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=station`)
    expect(stations.body.items).to.deep.equal([
      {
        id: 'st001',
        name: '轻工街道代表联络站',
        audience: 3,
        reached: 3,
        read: 1,
        checkedIn: 1,
        reachedShare: 1,
        readShare: 0.333,
        checkedInShare: 0.333,
        // No WeChat configured in this app, nor a bot bound: a message reaches none of them.
        unreachable: 3,
        // The cause, as the per-person tag says it: the one on the mini-program is the office's to fix.
        reachWords: '1 人用小程序但系统的小程序提醒还没开通，2 人没有绑定微信，请电话告知',
      },
    ])
    const districts = await organizer.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=district`)
    expect(districts.body.items.map((g: { name: string; audience: number }) => [g.name, g.audience])).to.deep.equal([['湛河区', 3]])
  })

  it("gives the daily digest each deputy's unread items (required first) and the check-ins still owed", async () => {
    const since = app.clock.now()
    const campaign = await createCampaign()
    app.clock.advance(60_000)
    const optional = await addItem(campaign.id, { title: '解读文章', required: false })
    app.clock.advance(60_000)
    const required = await addItem(campaign.id)
    const { readingDigest } = app.liaison.services
    expect((await readingDigest.unreadFor('dp0002', since)).map((i) => [i.title, i.required])).to.deep.equal([
      ['代表法全文', true],
      ['解读文章', false],
    ])
    expect(await readingDigest.unreadFor('dp0002', app.clock.now()), 'nothing new since').to.have.length(0)
    await (await asDeputy(app, 'dp0002')).get(`/api/mp/reading/${optional.id}`)
    expect((await readingDigest.unreadFor('dp0002', since)).map((i) => i.itemId)).to.deep.equal([required.id])
    expect(await readingDigest.unreadFor('dp0004', since), 'not in the audience').to.deep.equal([])

    expect((await readingDigest.openTasksFor('dp0002')).map((t) => [t.campaignTitle, t.itemTitle])).to.deep.equal([['学习贯彻代表法', '代表法全文']])
    const wang = await asDeputy(app, 'dp0002')
    await wang.get(`/api/mp/reading/${required.id}`)
    expect((await wang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { itemId: required.id })).status).to.equal(201)
    expect(await readingDigest.openTasksFor('dp0002')).to.deep.equal([])
  })

  it('lets a resident follow a campaign from the mini-program and then read its items', async () => {
    const campaign = await createCampaign()
    const item = await addItem(campaign.id)
    const resident = await asResident(app)

    const open = await resident.get('/api/mp/campaigns')
    expect(open.body.items.map((c: { id: string; canFollow: boolean }) => [c.id, c.canFollow])).to.deep.equal([[campaign.id, true]])
    expect((await resident.get(`/api/mp/reading/${item.id}`)).status, 'not before following: she is told to follow it (follow_to_read)').to.equal(403)

    const followed = await resident.post(`/api/mp/campaigns/${campaign.id}/follow`, {})
    expect(followed.status).to.equal(200)
    expect(followed.body).to.include({ following: true, canFollow: false })
    expect(followed.body.items.map((i: { title: string }) => i.title)).to.deep.equal(['代表法全文'])
    expect((await resident.get(`/api/mp/reading/${item.id}`)).status).to.equal(200)

    await addItem(campaign.id, { title: '第二篇', required: false })
    expect(
      (await resident.get(`/api/mp/campaigns/${campaign.id}`)).body.items.map((i: { title: string }) => i.title),
      'later items reach followers too',
    ).to.have.members(['代表法全文', '第二篇'])
    const checkIn = await resident.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { reflection: '学到了很多' })
    expect(checkIn.status).to.equal(201)
    const people = await organizer.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)
    expect(people.body.items.find((p: { kind: string }) => p.kind === 'mp_user')).to.include({
      name: '关注群众',
      itemsReached: 2,
      itemsRead: 1,
      checkedIn: true,
    })
  })

  it("lets the station's staff in the audience read and check in from the console", async () => {
    const campaign = await createCampaign({ audience: { stationIds: ['st001'], staff: true } })
    const item = await addItem(campaign.id)
    expect((await notices())[0].payload.text).to.include('请本站 3 位代表及工作人员')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // 轻工街道代表联络站
    const inbox = await lina.get('/api/admin/reading')
    expect(inbox.body.items.map((i: { title: string; campaignTitle: string; read: boolean }) => [i.title, i.campaignTitle, i.read])).to.deep.equal([
      ['代表法全文', '学习贯彻代表法', false],
    ])
    expect((await lina.get(`/api/admin/reading/${item.id}`)).body.title).to.equal('代表法全文')
    expect((await lina.post(`/api/admin/campaigns/${campaign.id}/check-ins`, { reflection: '组织代表集中学习' })).status).to.equal(201)
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD) // 马庄街道: not in the audience
    expect((await zhoujie.get(`/api/admin/reading/${item.id}`)).status).to.equal(404)
    const people = await organizer.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)
    expect(people.body.items.find((p: { kind: string }) => p.kind === 'staff')).to.include({ id: 'sf01', name: '李娜', read: true, checkedIn: true })
  })

  it("answers 404 to anyone the campaign did not reach, and keeps other districts' campaigns from their organizers", async () => {
    const closed = await createCampaign({ audience: { stationIds: ['st001'] } })
    const item = await addItem(closed.id)
    const outsider = await asDeputy(app, 'dp0004') // 马庄街道 only
    expect((await outsider.get(`/api/mp/reading/${item.id}`)).status).to.equal(404)
    expect((await outsider.get(`/api/mp/campaigns/${closed.id}`)).status).to.equal(404)
    expect((await outsider.post(`/api/mp/campaigns/${closed.id}/check-ins`, {})).status).to.equal(404)
    expect((await outsider.post(`/api/mp/campaigns/${closed.id}/follow`, {})).status).to.equal(404)
    expect((await outsider.get('/api/mp/campaigns')).body.items).to.deep.equal([])
    expect((await (await asResident(app)).get(`/api/mp/reading/${item.id}`)).status).to.equal(404)

    const otherDistrict = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // 新华区 only
    expect((await otherDistrict.get(`/api/admin/campaigns/${closed.id}`)).status).to.equal(404)
    expect((await otherDistrict.get(`/api/admin/campaigns/${closed.id}/progress`)).status).to.equal(404)
    expect((await otherDistrict.get('/api/admin/campaigns')).body.items).to.deep.equal([])
    const stationStaff = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await stationStaff.get('/api/admin/campaigns')).status).to.equal(403)
    expect((await (await asAdmin(app)).get(`/api/admin/campaigns/${closed.id}`)).status, 'admins see every campaign').to.equal(200)
  })

  it('creates nothing twice for the same Idempotency-Key', async () => {
    const body = { title: '学习宣传', startsAt: at(0), endsAt: at(DAY), audience: { stationIds: ['st001'] } }
    const first = await organizer.post('/api/admin/campaigns', body, { 'Idempotency-Key': 'campaign-1' })
    const again = await organizer.post('/api/admin/campaigns', body, { 'Idempotency-Key': 'campaign-1' })
    expect(again.status).to.equal(201)
    expect(again.body.id).to.equal(first.body.id)
    const item = { title: '一篇', body: '<p>x</p>' }
    await organizer.post(`/api/admin/campaigns/${first.body.id}/items`, item, { 'Idempotency-Key': 'item-1' })
    await organizer.post(`/api/admin/campaigns/${first.body.id}/items`, item, { 'Idempotency-Key': 'item-1' })
    expect((await organizer.get('/api/admin/campaigns')).body.items).to.have.length(1)
    expect(await app.liaison.store.campaigns.items(first.body.id)).to.have.length(1)
    expect(await notices(), 'and notices the station once').to.have.length(1)
  })

  describe('bad input', () => {
    it('sanitises a body with scripts, event handlers, styles and javascript: links', async () => {
      const campaign = await createCampaign()
      const item = await addItem(campaign.id, {
        body:
          '<p onclick="steal()" style="color:red">学习<script>alert(document.cookie)</script><a href="javascript:alert(1)">原文</a>' +
          '<a href="https://www.npc.gov.cn/">人大网</a><img src="https://example.cn/a.png" onerror="x()"><img src="http://example.cn/b.png"></p>',
      })
      expect(item.body).to.equal('<p>学习<a>原文</a><a href="https://www.npc.gov.cn/">人大网</a><img src="https://example.cn/a.png" /></p>')
      const stored = await app.liaison.store.campaigns.getItem(item.id)
      expect(stored!.body).not.to.match(/script|onclick|onerror|javascript|style/)
      const onlyScript = await organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '空', body: '<script>alert(1)</script>', source: '' })
      expect(onlyScript.status).to.equal(400)
      expect(onlyScript.body.error.details).to.deep.equal([{ path: 'body.body', message: '正文清理后为空' }])
    })

    it('refuses a scheduled time in the past, and a campaign ending before it starts', async () => {
      const campaign = await createCampaign()
      const past = await organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '过去', body: '<p>x</p>', publishAt: at(-HOUR) })
      expect(past.status).to.equal(400)
      expect(past.body.error.details).to.deep.equal([{ path: 'body.publishAt', message: '定时发布时间不能早于当前时间' }])
      expect(await app.liaison.store.campaigns.items(campaign.id)).to.deep.equal([])

      const backwards = await organizer.post('/api/admin/campaigns', {
        title: '倒序',
        startsAt: at(DAY),
        endsAt: at(HOUR),
        audience: { stationIds: ['st001'] },
      })
      expect(backwards.status, 'well-formed times breaking a rule: 422, as a survey’s').to.equal(422)
      expect(backwards.body.error.details).to.deep.equal([{ path: 'body.endsAt', message: '结束时间应晚于开始时间' }])
    })

    it("refuses an audience of nobody, unknown places, places outside the organizer's districts, and body and link together", async () => {
      const base = { title: '活动', startsAt: at(0), endsAt: at(DAY) }
      const nobody = await organizer.post('/api/admin/campaigns', { ...base, audience: {} })
      expect(nobody.status, 'nobody chosen is a rule broken, as unknown places are').to.equal(422)
      expect(nobody.body.error.details[0].path).to.equal('body.audience')
      const unknown = await organizer.post('/api/admin/campaigns', { ...base, audience: { stationIds: ['st999'] } })
      expect(unknown.status).to.equal(422)
      expect(unknown.body.error.details).to.deep.equal([{ path: 'body.audience.stationIds[0]', message: '这个联络站已不存在或不在您的管理范围内' }])
      expect((await organizer.post('/api/admin/campaigns', { ...base, audience: { stationIds: ['st004'] } })).status, "新华区 is not 孙丽's").to.equal(403)
      const campaign = await createCampaign()
      const both = await organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '两者', body: '<p>x</p>', link: 'https://a.cn' })
      expect(both.status).to.equal(400)
      const plain = await organizer.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '链接', link: 'http://a.cn' })
      expect(plain.body.error.details[0]).to.deep.equal({ path: 'body.link', message: '链接须为 https 地址' })
      const long = await (await asDeputy(app, 'dp0001')).post(`/api/mp/campaigns/${campaign.id}/check-ins`, { reflection: '很'.repeat(501) })
      expect(long.status).to.equal(400)
      expect(long.body.error.details).to.deep.equal([{ path: 'body.reflection', message: '心得最多 500 字' }])
    })
  })
})
