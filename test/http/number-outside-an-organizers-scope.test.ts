import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * A resident of 轻工街道 (湛河区) rings 新华区's office and reads out her number. 钱七, its organizer, searches it: the
 * list is empty, and it says the message is outside her districts (never what it says), as a clerk is told of another
 * station's; so is 马庄街道's organizer, of a message of the street next door, and the clerk of another station. None
 * is told to ring an office whose number the system does not know (review 37). The city office sees
 * every message and is told nothing; a number nobody has is claimed by no one; handling units never search messages.
 */
describe('a number outside an organizer’s districts or streets', () => {
  let app: TestApp
  beforeEach(async () => {
    const city = caseCity()
    city.staff.push({ id: 'sf-street', name: '吴丽', role: 'organizer', stationIds: [], regionIds: ['s0102'], username: 'wuli', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
  })
  afterEach(() => app.close())

  it('is said to be elsewhere, in words, with nothing of it, and no number-less 拨打', async () => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '建设路菜市场门口垃圾堆放没人清运', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const ticket = sent.body.ticket as string
    const number = ticket.slice(-4)

    const qianqi = await asStaff(app, 'qianqi') // 新华区
    for (const q of [number, ticket]) {
      const found = (await qianqi.get(`/api/admin/cases?${new URLSearchParams({ q })}`)).body
      expect(found.items, q).to.deep.equal([])
      expect(found.elsewhere, q).to.be.a('string').and.include('在您辖区以外的联络站或人大办的列表里，不归您办理，您看不到它的内容')
      expect(found.elsewhere, 'no office’s number is known: no 拨打').not.to.include('拨打')
      expect(found.elsewhere, 'never its content').not.to.include('菜市场')
    }
    expect((await qianqi.get(`/api/admin/cases?q=${number}`)).body.elsewhere).to.match(new RegExp(`^最近 90 天里编号为 ${number} 的留言`))
    expect((await qianqi.get('/api/admin/cases?q=0099')).body.elsewhere, 'a number nobody has').to.equal(null)

    const wuli = await asStaff(app, 'wuli') // 马庄街道, 湛河区
    const street = (await wuli.get(`/api/admin/cases?q=${ticket}`)).body.elsewhere
    expect(street).to.include('不归您办理').and.include('可以请群众联系那个联络站。').and.not.include('拨打')

    const zhoujie = await asStaff(app, 'zhoujie') // 马庄街道代表联络站
    expect((await zhoujie.get(`/api/admin/cases?q=${ticket}`)).body.elsewhere)
      .to.include('不归本站办理，本站看不到它的内容')
      .and.not.include('拨打')

    const sunli = await asStaff(app, 'sunli') // 湛河区: hers
    const hers = (await sunli.get(`/api/admin/cases?q=${ticket}`)).body
    expect([hers.items.map((c: { id: string }) => c.id), hers.elsewhere]).to.deep.equal([[sent.body.id], null])
    expect((await (await asAdmin(app)).get(`/api/admin/cases?q=${ticket}`)).body.elsewhere, 'the city office sees it').to.equal(null)
    expect((await (await asStaff(app, 'chengang')).get(`/api/admin/cases?q=${ticket}`)).status, 'a handling unit searches no messages').to.equal(403)
  })
})
