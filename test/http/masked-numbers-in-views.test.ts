import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * Residents write their numbers every way a phone lets them: with dots, in groups, in Chinese numerals, as a QQ number.
 * 李娜's export (a sheet that is mailed and printed) and 张伟's 待办 in the chat (read over shoulders) show none of
 * them; 李娜 still reads the building and entrance she needs to find the place (review 32).
 */
describe('numbers however written stay masked where a clerk or a deputy reads them (review 32)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it("the clerk's export keeps 3号楼2单元 and masks the room, the dotted phone, the grouped ID, the Chinese-numeral phone and the QQ number", async () => {
    const text = '光明社区3号楼2单元502室漏水，电话138.1234.5678，身份证1101 0119 9001 0112 34，QQ 123456789，或者打一三九〇〇〇〇一一一一'
    const posted = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101' })
    expect(posted.status, JSON.stringify(posted.body)).to.equal(201)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const csv = await lina.get('/api/admin/cases.csv')
    expect(csv.status).to.equal(200)
    const [header, ...lines] = (csv.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')
    const column = header.split(',').indexOf('留言内容')
    const row = lines.map((l) => l.split(',')).find((cells) => cells[0] === posted.body.ticket)!
    expect(row[column]).to.equal('光明社区3号楼2单元（门牌号已隐去）漏水，电话（已隐去），身份证（已隐去），QQ （已隐去），或者打（已隐去）')
  })

  it("a deputy's 待办 in the chat quotes her words with those numbers masked", async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: SECRET })
    const code = (await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')).body.code
    const zhang = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_zhangwei' })).body.personId as string
    await bot.post(`/api/bot/people/${zhang}/consent`, { version: 'v3' })
    expect((await bot.post(`/api/bot/people/${zhang}/bind`, { code })).status).to.equal(200)
    for (const text of ['电话138.1234.5678楼道灯坏了', '身份证1101 0119 9001 0112 34 低保的事', '有事打幺三八幺二三四五六七八，加我QQ 123456789'])
      await buildCase(app, { deputyCode: 'DP0001', text })

    const inbox = await bot.get(`/api/bot/people/${zhang}/deputy/cases`)
    expect(inbox.status).to.equal(200)
    const excerpts = (inbox.body.items as Array<{ excerpt: string }>).map((i) => i.excerpt)
    expect(excerpts).to.have.members(['电话（已隐去）楼道灯坏了', '身份证（已隐去） 低保的事', '有事打（已隐去），加我QQ （已隐去）'])
  })
})
