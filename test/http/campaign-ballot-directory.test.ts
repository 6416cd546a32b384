import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { wholeDirectoryReads } from '../helpers/directory-reads.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { ballotBody } from '../helpers/surveys.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Organizers follow campaigns and a ballot's roll many times a day: the directory behind these
 * reports is the shared cache's, read once, and a change made in the console shows at the next look.
 */
describe("campaign progress and a ballot's roll read the shared directory", () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()
  async function cityCampaign(audience: Record<string, unknown>): Promise<string> {
    const answer = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      description: '全市',
      startsAt: at(-HOUR),
      endsAt: at(30 * DAY),
      audience,
    })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body.id
  }
  const people = async (who: Client, campaignId: string) => {
    const answer = await who.get(`/api/admin/campaigns/${campaignId}/progress`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.items.map((p: { kind: string; id: string }) => `${p.kind}:${p.id}`)
  }
  const notVoted = async (who: Client, ballotId: string) => {
    const answer = await who.get(`/api/admin/surveys/${ballotId}/not-voted`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.items.map((i: { deputyId: string }) => i.deputyId)
  }

  it('lists, opens and follows campaigns and a ballot again without reading the directory again', async () => {
    const campaign = await cityCampaign({ districtIds: ['d01', 'd02'] })
    const { body: ballot } = await office.post('/api/admin/surveys', ballotBody())
    const sunli = await asStaff(app, 'sunli') // organizer of 湛河区
    const qianqi = await asStaff(app, 'qianqi') // organizer of 新华区
    expect(await people(sunli, campaign), 'the first look reads the directory').to.have.length(5)

    const reads = await wholeDirectoryReads(app, async () => {
      for (const who of [sunli, qianqi, office]) {
        expect((await who.get('/api/admin/campaigns')).body.items.map((c: { id: string }) => c.id)).to.include(campaign)
        expect((await who.get(`/api/admin/campaigns/${campaign}`)).status).to.equal(200)
        for (const groupBy of ['person', 'station', 'district']) {
          expect((await who.get(`/api/admin/campaigns/${campaign}/progress?groupBy=${groupBy}`)).status).to.equal(200)
        }
      }
      expect(await people(qianqi, campaign), "钱七 sees 新华区's share").to.deep.equal(['deputy:dp0006'])
      expect(await notVoted(office, ballot.id)).to.deep.equal(['dp0001', 'dp0002', 'dp0006'])
      expect(await notVoted(qianqi, ballot.id)).to.deep.equal(['dp0006'])
    })
    expect(reads, 'whole-directory reads while following campaigns and a ballot').to.equal(0)
  })

  it('shows a deputy moved to another station in the console at the next look at progress and the roll', async () => {
    const campaign = await cityCampaign({ stationIds: ['st001'] })
    const { body: ballot } = await office.post('/api/admin/surveys', ballotBody())
    const sunli = await asStaff(app, 'sunli')
    const qianqi = await asStaff(app, 'qianqi')
    expect(await people(office, campaign)).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0003'])
    expect(await notVoted(sunli, ballot.id)).to.deep.equal(['dp0001', 'dp0002'])
    expect(await notVoted(qianqi, ballot.id)).to.deep.equal(['dp0006'])

    // 陈静 moves from 新华区's st004 to 轻工街道代表联络站 (湛河区).
    const moved = await office.patch('/api/admin/deputies/dp0006', { stationIds: ['st001'] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    expect(await people(office, campaign), 'now at st001, so in its campaign').to.deep.equal([
      'deputy:dp0001',
      'deputy:dp0002',
      'deputy:dp0003',
      'deputy:dp0006',
    ])
    expect(await notVoted(sunli, ballot.id), "湛河区's organizer now follows her").to.deep.equal(['dp0001', 'dp0002', 'dp0006'])
    expect(await notVoted(qianqi, ballot.id), "and 新华区's no longer").to.deep.equal([])
  })

  it("drops station staff taken off in the console from a campaign's progress at the next look", async () => {
    const campaign = await cityCampaign({ stationIds: ['st001'], staff: true })
    expect(await people(office, campaign)).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0003', 'staff:sf01'])
    const off = await office.patch('/api/admin/staff/sf01', { active: false }) // 李娜 leaves the station
    expect(off.status, JSON.stringify(off.body)).to.equal(200)
    expect(await people(office, campaign)).to.deep.equal(['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0003'])
  })
})
