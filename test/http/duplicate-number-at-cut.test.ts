import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

// 55 characters, then his number: it starts before the 60th character and ends after it.
const BEFORE_NUMBER = '楼道灯一直不亮，我是楼上的住户，家里有老人晚上起夜不方便，物业说要等配件，已经等了两周，请帮忙催一催，我电话是'
const NEIGHBOUR = `${BEFORE_NUMBER}13800001111`

/**
 * A neighbour's message merged into 赵阿姨's has his number across its 60th character; hers has none. 李娜's case page
 * lists the duplicate with the number masked, so it offers 查看完整原文, and the button shows his number whole, never
 * its first digits.
 */
describe('a merged duplicate whose number crosses its 60th character', () => {
  let app: TestApp
  beforeEach(async () => (app = await startApp({ directory: caseCity() })))
  afterEach(() => app.close())

  it('is shown masked, offers 查看完整原文, and reads whole there', async () => {
    expect(Array.from(BEFORE_NUMBER)).to.have.length(55)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD) // station staff of 轻工街道 (st001)
    const hers = (await (await asResident(app)).post('/api/mp/cases', { text: '楼道灯坏了半个月，晚上黑漆漆的', regionId: 'c010101' })).body
    app.clock.advance(600_000)
    const his = (await (await asResident(app)).post('/api/mp/cases', { text: NEIGHBOUR, regionId: 'c010101' })).body
    const merged = await lina.post(`/api/admin/cases/${his.id}/merge`, { intoCaseId: hers.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)

    const page = await lina.get(`/api/admin/cases/${hers.id}`)
    expect(page.status, JSON.stringify(page.body)).to.equal(200)
    expect(page.body.duplicates.items.map((m: { excerpt: string }) => m.excerpt)).to.deep.equal([`${BEFORE_NUMBER}（已隐去）`])
    expect(page.body.wordsMasked, 'the page offers 查看完整原文').to.equal(true)

    const whole = await lina.get(`/api/admin/cases/${hers.id}/whole-words`)
    expect(whole.status, JSON.stringify(whole.body)).to.equal(200)
    expect(whole.body.duplicates.map((m: { excerpt: string }) => m.excerpt)).to.deep.equal([NEIGHBOUR])
  })
})
