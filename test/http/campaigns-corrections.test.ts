import { expect } from 'chai'
import { READING_PUBLISH_JOB } from '../../src/jobs/reading-publish-job.js'
import { asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * An organizer corrects a campaign after it went out: a typo in a title, an article's
 * wording, a longer campaign, and an article that should not have gone out at all is
 * withdrawn (撤回) — gone from the deputies' lists, the digest and progress. Every change
 * is in the audit log.
 */
describe('correcting a campaign and its reading after publishing', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  // Creating the campaign and publishing its readings are recorded too; these stories are about the corrections after.
  const actions = async () =>
    (await app.liaison.store.audit.list({ limit: 20 })).items
      .map((e) => e.action)
      .filter((a) => /^(campaign|reading)\./.test(a) && a !== 'campaign.created' && a !== 'reading.published')

  async function campaignWithItem() {
    const campaign = (
      await sunli.post('/api/admin/campaigns', { title: '学习贯彻代表法', startsAt: at(-HOUR), endsAt: at(30 * DAY), audience: { stationIds: ['st001'] } })
    ).body
    const item = await sunli.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '代表法全文', body: '<p>第一条</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    return { campaign, item: item.body }
  }

  it("corrects the campaign and an item's wording, extends the end, and refuses reopening an ended one", async () => {
    const { campaign, item } = await campaignWithItem()
    const fixed = await sunli.patch(`/api/admin/campaigns/${campaign.id}`, { title: '学习贯彻代表法（更正）', endsAt: at(60 * DAY) })
    expect(fixed.status, JSON.stringify(fixed.body)).to.equal(200)
    expect(fixed.body).to.include({ title: '学习贯彻代表法（更正）', endsAt: at(60 * DAY) })
    const wording = await sunli.patch(`/api/admin/campaigns/${campaign.id}/items/${item.id}`, {
      title: '代表法全文（2025年修正）',
      body: '<p>第一条 为了保证代表依法行使职权</p><script>x</script>',
    })
    expect(wording.status, JSON.stringify(wording.body)).to.equal(200)
    expect(wording.body).to.include({ title: '代表法全文（2025年修正）', body: '<p>第一条 为了保证代表依法行使职权</p>', status: 'published' })
    const opened = await (await asDeputy(app, 'dp0001')).get(`/api/mp/reading/${item.id}`)
    expect(opened.body).to.include({ title: '代表法全文（2025年修正）', campaignTitle: '学习贯彻代表法（更正）' })
    const late = await sunli.patch(`/api/admin/campaigns/${campaign.id}/items/${item.id}`, { publishAt: at(DAY) })
    expect(late.status, 'a published item keeps its time').to.equal(409)
    expect(late.body.error.message).to.equal('学习材料已经发布，发布时间不能再改')

    const ended = await sunli.patch(`/api/admin/campaigns/${campaign.id}`, { endsAt: at(-1000) })
    expect(ended.body, 'ending early ends it now').to.include({ phase: 'ended', endsAt: at(0) })
    const reopen = await sunli.patch(`/api/admin/campaigns/${campaign.id}`, { endsAt: at(DAY) })
    expect(reopen.status).to.equal(409)
    expect(reopen.body.error).to.include({ code: 'campaign_ended', message: '活动已结束，不能重新开始' })
    expect(await actions()).to.deep.equal(['campaign.corrected', 'reading.corrected', 'campaign.corrected'])
  })

  it('keeps a draft item from readers until the organizer publishes it, once', async () => {
    const { campaign } = await campaignWithItem()
    const draft = await sunli.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '解读文章', body: '<p>解读</p>', draft: true })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect(draft.body).to.include({ status: 'draft', statusLabel: '草稿', publishedAt: null })
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/reading/${draft.body.id}`)).status, 'not for readers yet').to.equal(404)
    app.clock.advance(HOUR)
    expect(await app.liaison.jobs.find((j) => j.name === READING_PUBLISH_JOB)!.run(), 'nor for the job').to.deep.equal({ published: 0 })
    expect((await sunli.patch(`/api/admin/campaigns/${campaign.id}/items/${draft.body.id}`, { title: '解读文章（定稿）' })).status).to.equal(200)

    const published = await sunli.post(`/api/admin/campaigns/${campaign.id}/items/${draft.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    expect(published.body).to.include({ status: 'published', title: '解读文章（定稿）' })
    expect((await zhang.get(`/api/mp/reading/${draft.body.id}`)).body.title).to.equal('解读文章（定稿）')
    const again = await sunli.post(`/api/admin/campaigns/${campaign.id}/items/${draft.body.id}/publish`)
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'not_a_draft', message: '学习材料不是草稿，无需再发布' })
    expect(await actions()).to.deep.equal(['reading.draft_published', 'reading.corrected'])
  })

  it('withdraws a published item from readers, the digest and progress, and a scheduled one is never published', async () => {
    const { campaign, item } = await campaignWithItem()
    const scheduled = (await sunli.post(`/api/admin/campaigns/${campaign.id}/items`, { title: '解读文章', body: '<p>解读</p>', publishAt: at(2 * HOUR) })).body
    const zhang = await asDeputy(app, 'dp0001')
    await zhang.get(`/api/mp/reading/${item.id}`)

    const withdrawn = await sunli.post(`/api/admin/campaigns/${campaign.id}/items/${item.id}/withdraw`)
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).to.equal(200)
    expect(withdrawn.body).to.include({ status: 'withdrawn', statusLabel: '已撤回' })
    expect((await zhang.get(`/api/mp/reading/${item.id}`)).status, 'readers no longer find it').to.equal(404)
    expect((await zhang.get(`/api/mp/campaigns/${campaign.id}`)).body.items).to.deep.equal([])
    expect((await zhang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { itemId: item.id })).status, 'nor checks in on it').to.equal(422)
    expect(await app.liaison.services.readingDigest.unreadFor('dp0002', new Date(0)), 'not in the digest').to.deep.equal([])
    const progress = (await sunli.get(`/api/admin/campaigns/${campaign.id}/progress?groupBy=person`)).body
    expect(progress.itemsPublished).to.equal(0)
    expect(progress.items.find((p: { id: string }) => p.id === 'dp0001')).to.include({ itemsReached: 0, itemsRead: 0 })
    expect((await sunli.post(`/api/admin/campaigns/${campaign.id}/items/${item.id}/withdraw`)).status, 'once').to.equal(409)

    const calledOff = await sunli.post(`/api/admin/campaigns/${campaign.id}/items/${scheduled.id}/withdraw`)
    expect(calledOff.status).to.equal(200)
    expect(calledOff.body).to.include({ status: 'withdrawn', statusLabel: '已取消发布' })
    app.clock.advance(3 * HOUR)
    expect(await app.liaison.jobs.find((j) => j.name === READING_PUBLISH_JOB)!.run()).to.deep.equal({ published: 0 })
    expect(await actions()).to.deep.equal(['reading.withdrawn', 'reading.withdrawn'])
  })
})
