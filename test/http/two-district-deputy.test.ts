import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { ballotBody } from '../helpers/surveys.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * 周明 serves at 轻工街道's station (湛河区) and at 新华街道's (新华区). Each district office follows
 * the deputies who serve in its district: he is on 湛河区's list and on 新华区's, for a city ballot's
 * 未参与 list as for a city campaign's 学习进度 and 提醒未读 — also after the reading reached him
 * (at his first station), and after he has read it. The city counts him once.
 */
describe('a deputy who serves in two districts', () => {
  let app: TestApp
  let office: Client
  let sunli: Client
  let qianqi: Client
  beforeEach(async () => {
    const city = meetingCity()
    city.deputies.push({ id: 'dp0007', code: 'DP0007', name: '周明', level: 'city', stationIds: ['st001', 'st004'], topics: [], phone: null })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    sunli = await asStaff(app, 'sunli') // organizer of 湛河区
    qianqi = await asStaff(app, 'qianqi') // organizer of 新华区
  })
  afterEach(() => app.close())
  const at = (ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()

  const progressOf = async (who: Client, campaignId: string, groupBy = 'person') => {
    const answer = await who.get(`/api/admin/campaigns/${campaignId}/progress?groupBy=${groupBy}`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body
  }
  const zhouIn = async (who: Client, campaignId: string) =>
    (await progressOf(who, campaignId)).items.find((p: { id: string }) => p.id === 'dp0007') as
      { read: boolean; stationName: string; districtName: string } | undefined

  it("is on both districts' lists of a city ballot and of a city campaign, and counted once by the city", async () => {
    const ballot = await office.post(
      '/api/admin/surveys',
      ballotBody({ ballot: { passRule: 'roll_majority', maxChosen: 2, roll: { deputyIds: ['dp0001', 'dp0006', 'dp0007'] } } }),
    )
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(201)
    for (const [who, name] of [
      [sunli, '湛河区'],
      [qianqi, '新华区'],
    ] as const) {
      const roll = (await who.get(`/api/admin/surveys/${ballot.body.id}/not-voted`)).body
      expect(
        roll.items.map((i: { deputyId: string }) => i.deputyId),
        `${name}'s ballot list`,
      ).to.include('dp0007')
    }

    const campaign = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: at(-HOUR),
      endsAt: at(30 * DAY),
      audience: { levels: ['city'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const id = campaign.body.id
    const item = await office.post(`/api/admin/campaigns/${id}/items`, { title: '代表法全文', body: '<p>第一条</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)

    // The reading reached him at his first station (湛河区); 新华区 still follows him, at its own station.
    expect(await zhouIn(sunli, id), "湛河区's 学习进度").to.include({ read: false, stationName: '轻工街道代表联络站', districtName: '湛河区' })
    expect(await zhouIn(qianqi, id), "新华区's 学习进度").to.include({ read: false, stationName: '新华街道代表联络站', districtName: '新华区' })
    const xinhua = await progressOf(qianqi, id, 'district')
    expect(xinhua.items.map((g: { name: string; audience: number }) => [g.name, g.audience])).to.deep.equal([['新华区', 2]])
    const waiting = (await qianqi.get(`/api/admin/campaigns/${id}/reminders`)).body
    expect(waiting.waiting, "新华区's 提醒未读 waits for 陈静 and him").to.equal(2)

    expect((await (await asDeputy(app, 'dp0007')).get(`/api/mp/reading/${item.body.id}`)).status).to.equal(200)
    expect(await zhouIn(qianqi, id), 'his reading counts in 新华区 too').to.include({ read: true })
    expect(await zhouIn(sunli, id)).to.include({ read: true })

    // The city counts each person once, where the reading reached him.
    const whole = await progressOf(office, id, 'district')
    expect(whole.totals.audience, '张伟, 陈静 and he').to.equal(3)
    expect(whole.items.map((g: { name: string; audience: number }) => [g.name, g.audience])).to.have.deep.members([
      ['湛河区', 2],
      ['新华区', 1],
    ])
  })
})
