import { expect } from 'chai'
import { READING_PUBLISH_JOB } from '../../src/jobs/reading-publish-job.js'
import { asAdmin, asResident, type Client, type TestApp } from '../helpers/app.js'
import { ROBOT_KEYS, startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

const HOUR = 3_600_000

/**
 * The office schedules two readings of a campaign for the same morning. 新华区's station group (its
 * WeCom robot) hears of them in one message naming both, not two messages a moment apart; a reading
 * published later, on its own, is a message of its own. One withdrawn before the message went out is
 * not named: the group hears of the others only.
 */
describe('readings published together are one message to a station’s group', () => {
  let app: TestApp & { fake: FakeWeChat }
  let office: Client
  beforeEach(async () => {
    app = await startWithWeChat() // Monday 23 Nov 2026, 10:00 in Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  const posted = () => app.fake.robotMessages(ROBOT_KEYS['station:st004']).map((p) => (p.body.text as { content: string }).content)
  async function addItem(campaignId: string, over: Record<string, unknown>) {
    const answer = await office.post(`/api/admin/campaigns/${campaignId}/items`, { summary: '', body: '<p>……</p>', source: '人大', ...over })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body
  }

  it('names both readings scheduled for the same time in one message, and a later one in its own', async () => {
    const campaign = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: at(-HOUR),
      endsAt: at(30 * 24 * HOUR),
      audience: { stationIds: ['st004'], staff: true },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const id = campaign.body.id
    const first = await addItem(id, { title: '代表法全文', required: true, publishAt: at(2 * HOUR) })
    await addItem(id, { title: '代表履职小故事', required: false, publishAt: at(2 * HOUR) })

    app.clock.advance(2 * HOUR)
    expect(await app.liaison.jobs.find((j) => j.name === READING_PUBLISH_JOB)!.run()).to.deep.equal({ published: 2 })
    await app.liaison.services.dispatcher.drain()
    expect(posted()).to.deep.equal([
      '【学习材料发布：学习贯彻代表法（2 篇）】【学习材料】「学习贯彻代表法」发布了《代表法全文》（必读）、《代表履职小故事》。请本站工作人员在小程序“学习”中阅读并打卡。',
    ])
    office = await asAdmin(app) // the console session idled out meanwhile
    const items = (await office.get(`/api/admin/campaigns/${id}`)).body.items
    expect(items.map((i: { title: string; status: string }) => `${i.title}:${i.status}`)).to.have.members(['代表法全文:published', '代表履职小故事:published'])
    const reached = await app.liaison.store.campaigns.reachOf(id)
    expect(reached.map((r) => `${r.itemId === first.id ? '全文' : '故事'}:${r.personId}`).sort(), 'each reading reaches 王五').to.deep.equal([
      '全文:sf04',
      '故事:sf04',
    ])

    await addItem(id, { title: '闭会期间代表活动', required: false })
    await app.liaison.services.dispatcher.drain()
    expect(posted().slice(1)).to.deep.equal([
      '【学习材料发布：闭会期间代表活动】【学习材料】「学习贯彻代表法」发布了《闭会期间代表活动》。请本站工作人员在小程序“学习”中阅读并打卡。',
    ])
  })

  /** A campaign for 新华区's station staff that residents may follow, with readings scheduled for one hour ahead, published by the job. */
  async function publishedTogether(readings: Array<{ title: string; required: boolean }>) {
    const campaign = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: at(-HOUR),
      endsAt: at(30 * 24 * HOUR),
      audience: { stationIds: ['st004'], staff: true, followers: true },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const id = campaign.body.id
    const follower = await asResident(app)
    expect((await follower.post(`/api/mp/campaigns/${id}/follow`, {})).status).to.equal(200)
    const items: Array<{ id: string }> = []
    for (const r of readings) items.push(await addItem(id, { ...r, publishAt: at(HOUR) }))
    app.clock.advance(HOUR)
    expect(await app.liaison.jobs.find((j) => j.name === READING_PUBLISH_JOB)!.run()).to.deep.equal({ published: readings.length })
    office = await asAdmin(app) // the console session idled out meanwhile
    const withdraw = async (item: { id: string }) => expect((await office.post(`/api/admin/campaigns/${id}/items/${item.id}/withdraw`)).status).to.equal(200)
    const followerReads = async () => (await follower.get(`/api/mp/campaigns/${id}`)).body.items.map((i: { title: string }) => i.title)
    return { items, withdraw, followerReads }
  }

  it('names only the reading still published when the other was withdrawn while the message waited', async () => {
    // Named second (the required one first): the message is about both, not only the first.
    const {
      items: [wrong],
      withdraw,
      followerReads,
    } = await publishedTogether([
      { title: '发错的材料', required: false },
      { title: '代表法全文', required: true },
    ])
    await withdraw(wrong!)
    await app.liaison.services.dispatcher.drain()
    expect(posted(), 'never 发布了《发错的材料》, and 代表法全文 is still told').to.deep.equal([
      '【学习材料发布：代表法全文】【学习材料】「学习贯彻代表法」发布了《代表法全文》（必读）。请本站工作人员在小程序“学习”中阅读并打卡。',
    ])
    expect(await followerReads(), 'the follower reads what the group is told of').to.deep.equal(['代表法全文'])
  })

  it('names what is left after two of three readings were withdrawn one after the other', async () => {
    const {
      items: [full, , wrong],
      withdraw,
    } = await publishedTogether([
      { title: '代表法全文', required: true },
      { title: '代表履职小故事', required: false },
      { title: '发错的材料', required: false },
    ])
    await withdraw(wrong!)
    await withdraw(full!)
    await app.liaison.services.dispatcher.drain()
    expect(posted()).to.deep.equal([
      '【学习材料发布：代表履职小故事】【学习材料】「学习贯彻代表法」发布了《代表履职小故事》。请本站工作人员在小程序“学习”中阅读并打卡。',
    ])
  })
})
