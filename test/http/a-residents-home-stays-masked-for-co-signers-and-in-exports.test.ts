import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { caseForZhang, draft } from '../helpers/suggestions.js'

/**
 * Review 37, finding 5. A suggestion quotes the residents' messages it links, and every deputy who co-signs it reads
 * those quotes — 刘洋 of another station, who never handled 王秀英's message, read "光明社区3号楼2单元" of her home there.
 * And a yard written beside a household's locator ("建设路社区3号院东头第二家") went whole into the station's export,
 * which is mailed to departments. A resident's words keep the mask they had before: her building, entrance and yard
 * are （门牌号已隐去） in the quote; the clerk's sheet masks the yard.
 */
describe('a resident’s home stays masked for co-signing deputies and in the clerk’s export', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('刘洋, co-signing from another station, reads her message quoted without her building and entrance', async () => {
    const { case: c } = await caseForZhang(app, '光明社区3号楼2单元的楼道灯坏了一个月，我是王秀英')
    const zhang = await asDeputy(app, 'dp0001')
    const made = await zhang.post('/api/mp/deputy/suggestions', draft({ caseIds: [c.id] }))
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${made.body.id}/cosign-invitation`, { days: 7 })).status).to.equal(200)

    const liu = await asDeputy(app, 'dp0005')
    const signed = await liu.post(`/api/mp/deputy/suggestions/${made.body.id}/cosign`)
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200)
    expect(signed.body.cases.map((q: { title: string }) => q.title)).to.deep.equal(['光明社区（门牌号已隐去）的楼道灯坏了一个月…'])
    expect((await liu.get(`/api/mp/deputy/suggestions/${made.body.id}`)).body.cases[0].title).to.equal('光明社区（门牌号已隐去）的楼道灯坏了一个月…')
    expect((await zhang.get(`/api/mp/deputy/suggestions/${made.body.id}`)).body.cases[0].title, 'and so does he').to.equal(
      '光明社区（门牌号已隐去）的楼道灯坏了一个月…',
    )
  })

  it('the clerk’s export masks a yard written with a household beside it', async () => {
    const posted = await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区3号院东头第二家门口污水横流', regionId: 'c010101' })
    expect(posted.status, JSON.stringify(posted.body)).to.equal(201)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const csv = await lina.get('/api/admin/cases.csv')
    const [header, ...lines] = (csv.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')
    const column = header.split(',').indexOf('留言内容')
    const row = lines.map((l) => l.split(',')).find((cells) => cells[0] === posted.body.ticket)!
    expect(row[column]).to.equal('建设路社区（门牌号已隐去）东头第二家门口污水横流')
  })
})
