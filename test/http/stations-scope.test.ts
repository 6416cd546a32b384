import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** A district organizer never sees another district: the console's station list included. */
describe('the station list in the console, by scope', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const names = (answer: { body: { items: Array<{ name: string }> } }) => answer.body.items.map((s) => s.name).sort()

  it("lists only the organizer's own district's stations, and every station to an admin", async () => {
    const qianqi = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // 新华区 only
    expect(names(await qianqi.get('/api/admin/stations?limit=100'))).to.deep.equal(['新华街道代表联络站'])
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // 湛河区 only
    expect(names(await sunli.get('/api/admin/stations?limit=100'))).not.to.include('新华街道代表联络站')
    expect(names(await (await asAdmin(app)).get('/api/admin/stations?limit=100'))).to.include.members(['新华街道代表联络站', '轻工街道代表联络站'])
  })
})
