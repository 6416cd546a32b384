import { expect } from 'chai'
import { READING_PUBLISH_JOB } from '../../src/jobs/reading-publish-job.js'
import { asAdmin, type Client, type TestApp } from '../helpers/app.js'
import { ROBOT_KEYS, startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

const HOUR = 3_600_000

/**
 * The office schedules two readings of a campaign for the same morning. 新华区's station group (its
 * WeCom robot) hears of them in one message naming both, not two messages a moment apart; a reading
 * published later, on its own, is a message of its own.
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

  it('sends nothing naming a reading withdrawn while the message waited', async () => {
    const campaign = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: at(-HOUR),
      endsAt: at(30 * 24 * HOUR),
      audience: { stationIds: ['st004'], staff: true },
    })
    const id = campaign.body.id
    // Named second (the required one first): the message is about both, not only the first.
    const wrong = await addItem(id, { title: '发错的材料', required: false, publishAt: at(HOUR) })
    await addItem(id, { title: '代表法全文', required: true, publishAt: at(HOUR) })
    app.clock.advance(HOUR)
    expect(await app.liaison.jobs.find((j) => j.name === READING_PUBLISH_JOB)!.run()).to.deep.equal({ published: 2 })
    office = await asAdmin(app)
    expect((await office.post(`/api/admin/campaigns/${id}/items/${wrong.id}/withdraw`)).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()
    expect(posted(), 'never 发布了《发错的材料》').to.deep.equal([])
  })
})
