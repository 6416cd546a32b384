import { expect } from 'chai'
import { asAdmin, asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity, smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 王五 keeps 新华街道代表联络站, which has no deputy yet: the case page's 上报 names the office it goes to (新华区's),
 * not a fixed 区人大办. The inbox's 在…办 filter names whose office its messages wait at: a district organizer's own,
 * two districts' for one who holds two, every district's and the city's for the city office, and in a district's own
 * Liaison its one office; the dashboard's row of them says the same. The clerk, whose list holds no office's messages,
 * is given none.
 */
describe('the office named on 上报 and on the inbox’s 在…办 filter', () => {
  let app: TestApp
  afterEach(() => app.close())

  const atOffice = async (who: Client) => {
    const list = await who.get('/api/admin/cases?atOffice=true')
    expect(list.status, JSON.stringify(list.body)).to.equal(200)
    return list.body.atOfficeName as string | null
  }

  it('names the district office a clerk hands up to, and whose offices each organizer’s list holds', async () => {
    const city = caseCity()
    city.staff.push({ id: 'sf-two', name: '周敏', role: 'organizer', stationIds: [], regionIds: ['d01', 'd02'], username: 'zhoumin', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))

    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '新华社区的公交站台太窄，下雨天没处躲', regionId: 'c020101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const wangwu = await asStaff(app, 'wangwu')
    const page = (await wangwu.get(`/api/admin/cases/${sent.body.id}`)).body
    expect(page.actions).to.include('handUp')
    expect(page.handUpTo).to.deep.equal({ name: '新华区人大常委会办公室', short: '新华区人大办' })
    const handed = await wangwu.post(`/api/admin/cases/${sent.body.id}/hand-up`, { reason: '本站暂无代表' })
    expect(handed.body.handledBy.office, 'where the button said it would go').to.equal('新华区人大常委会办公室')

    // A message a deputy holds she may hand up too (review 37): the office is named as for one in her queue.
    const held = await (await asResident(app)).post('/api/mp/cases', { text: '小区垃圾没人清运', regionId: 'c010101', deputyCode: 'DP0001' })
    expect((await (await asStaff(app, 'lina')).get(`/api/admin/cases/${held.body.id}`)).body.handUpTo).to.deep.equal({
      name: '湛河区人大常委会办公室',
      short: '湛河区人大办',
    })
    // The district office has nobody above it: none is offered to its organizer.
    expect((await (await asStaff(app, 'sunli')).get(`/api/admin/cases/${held.body.id}`)).body.handUpTo).to.equal(null)

    expect(await atOffice(await asStaff(app, 'qianqi')), '新华区 only').to.equal('新华区人大办')
    expect(await atOffice(await asStaff(app, 'sunli')), '湛河区 only').to.equal('湛河区人大办')
    expect(await atOffice(await asStaff(app, 'zhoumin')), 'two districts').to.equal('湛河区人大办、新华区人大办')
    expect(await atOffice(await asAdmin(app)), 'the whole city').to.equal('各区人大办和市人大办')
    expect(await atOffice(await asStaff(app, 'lina')), "a clerk's list holds no office's messages").to.equal(null)

    // The dashboard's row of those messages says the same offices (its district's by the full name, as the list's rows).
    const officeRow = async (who: Client) =>
      ((await who.get('/api/admin/dashboard/cases')).body.responsiveness.station as Array<{ kind?: string; name: string }>).find((r) => r.kind === 'office')
        ?.name
    expect(await officeRow(await asStaff(app, 'qianqi'))).to.equal('新华区人大常委会办公室')
    expect(await officeRow(await asAdmin(app))).to.equal('各区人大办和市人大办')
  })

  it('says the city office by its configured name, and a district’s own Liaison by its one office', async () => {
    app = await startApp({ directory: caseCity(), overrides: { business: { officeName: '青澜市人大常委会办公室' } } })
    expect(await atOffice(await asAdmin(app))).to.equal('各区人大办和青澜市人大办')
    await app.close()

    const oneDistrict = smallCity()
    oneDistrict.regions = oneDistrict.regions.filter((r) => r.id !== 'd02')
    app = await startApp({ directory: oneDistrict })
    expect(await atOffice(await asAdmin(app))).to.equal('湛河区人大办')
  })
})
