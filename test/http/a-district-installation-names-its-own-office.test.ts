import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 湛河区 takes Liaison live for itself: its directory is one district, and there is no 市人大常委会办公室 in it.
 * A message no station takes waits at the district's own office, and says so to the resident and in the console;
 * a street's organizer refused a change to the district's own survey or quiz is told who manages it.
 */
describe('a district installation names its own office', () => {
  let app: TestApp
  afterEach(() => app.close())

  /** smallCity without 新华区, and 轻工街道's organizer (吴丽, a street office). */
  const oneDistrict = () => {
    const city = smallCity()
    city.regions = city.regions.filter((r) => r.id !== 'd02')
    city.staff.push({ id: 'sf-street', name: '吴丽', role: 'organizer', stationIds: [], regionIds: ['s0101'], username: 'wuli', password: STAFF_PASSWORD })
    return city
  }

  it('sends a message with no place to the district office, and says so to the resident and in the console', async () => {
    app = await startApp({ directory: oneDistrict() })
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '我们楼下的路灯坏了很久了' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    expect(JSON.stringify(sent.body)).to.include('已交给湛河区人大常委会办公室')
    expect(JSON.stringify(sent.body)).not.to.include('市人大常委会办公室')

    const office = await asAdmin(app)
    const seen = await office.get(`/api/admin/cases/${sent.body.id}`)
    expect(JSON.stringify(seen.body)).to.include('未提供所在区域，转湛河区人大常委会办公室')
    const list = await office.get('/api/admin/cases')
    const row = list.body.items.find((c: { id: string }) => c.id === sent.body.id)
    expect(row.officeName).to.equal('湛河区人大常委会办公室')

    // The admin's outbox monitor names the office the message waits at the same way, not 市人大办.
    const outbox = await office.get('/api/admin/outbox?status=pending')
    expect(outbox.status).to.equal(200)
    const toOffice = outbox.body.items.filter((m: { recipientKind: string }) => m.recipientKind === 'office')
    expect(toOffice.length, JSON.stringify(outbox.body.items)).to.be.greaterThan(0)
    for (const m of toOffice) expect(m.recipientName).to.equal('湛河区人大常委会办公室')
  })

  it('names the office as the configuration calls it, in a directory of two districts', async () => {
    app = await startApp({ directory: smallCity(), overrides: { business: { officeName: '梧桐区人大常委会办公室' } } })
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '我们楼下的路灯坏了很久了' })
    expect(JSON.stringify(sent.body)).to.include('已交给梧桐区人大常委会办公室')
  })

  it("tells a street's organizer that the district's own survey and quiz are managed by the district office", async () => {
    app = await startApp({ directory: oneDistrict() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const office = await asAdmin(app)
    const wuli = await asStaff(app, 'wuli')

    const survey = (await office.post('/api/admin/surveys', surveyBody({ title: '全区绿化问卷' }))).body
    const close = await wuli.post(`/api/admin/surveys/${survey.id}/close`)
    expect(close.status).to.equal(403)
    expect(close.body.error).to.include({ code: 'city_level', message: '该问卷由湛河区人大常委会办公室管理，您可查看本辖区的情况' })

    const quiz = await quizWithBank(app, office)
    const change = await wuli.patch(`/api/admin/quizzes/${quiz.id}`, { title: '改名' })
    expect(change.status).to.equal(403)
    expect(change.body.error).to.include({ code: 'city_level', message: '该知识竞赛由湛河区人大常委会办公室管理，您可查看本辖区的成绩' })

    // The district's own campaign, which reaches her street's station: she follows it, and changes nothing of it.
    const campaign = await office.post('/api/admin/campaigns', {
      title: '全区学习代表法',
      startsAt: '2026-11-23T00:00:00Z',
      endsAt: '2026-12-23T00:00:00Z',
      audience: { stationIds: ['st001'] },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    expect((await wuli.get(`/api/admin/campaigns/${campaign.body.id}`)).status).to.equal(200)
    const added = await wuli.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title: '街道加一篇', body: '<p>x</p>' })
    expect(added.status).to.equal(403)
    expect(added.body.error).to.include({ code: 'city_level', message: '该活动由湛河区人大常委会办公室管理，您可查看本辖区的进度' })
    expect((await office.get(`/api/admin/campaigns/${campaign.body.id}`)).body.items, 'nothing added').to.deep.equal([])
  })
})
