import { expect } from 'chai'
import { Writable } from 'node:stream'
import { build } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * A message whose kept number no longer opens (sealed under a key since retired, or a damaged row):
 * 张伟 taps 打电话给群众 and is told so in words, the clerk's page and his still open, the resident's
 * copy of her data still comes (the number's cell empty, saying why), and the operator's log says it once.
 */
describe('a message whose stored phone cannot be decrypted', () => {
  let app: TestApp
  const lines: Array<Record<string, any>> = []

  beforeEach(async () => {
    lines.length = 0
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(JSON.parse(String(chunk)))
        done()
      },
    })
    const config = loadConfig({ overrides: { bot: { secret: SECRET }, log: { level: 'info' } } })
    const clock = new ManualClock(new Date())
    const liaison = await build(config, { clock, logger: createLogger(config, sink) })
    await liaison.services.importer.import(caseCity(), null, undefined, { changeAtFirstLogin: false })
    const { port } = await liaison.listen(0, '127.0.0.1')
    app = { liaison, clock, baseUrl: `http://127.0.0.1:${port}`, close: () => liaison.close() }
  })
  afterEach(() => app.close())

  it('is said in words everywhere it is read, never a 500, and logged once for the operator', async () => {
    const author = await asResident(app, 'o-broken-phone')
    const { id, ticket } = (await buildCase(app, { resident: author, text: '楼道灯坏了', regionId: 'c010101', phone: '13700003333', deputyCode: 'DP0001' }))
      .case
    const stored = (await app.liaison.store.cases.get(id))!
    await app.liaison.store.cases.update({ ...stored, phoneEnc: 'v1:retired-key:garbage:garbage:garbage' }, [], [])

    const zhang = await asDeputy(app, 'dp0001')
    const phone = await zhang.get(`/api/mp/deputy/cases/${id}/phone`)
    expect(phone.status).to.equal(409)
    expect(phone.body.error).to.deep.include({ code: 'phone_unreadable', message: '这条留言的电话无法读取，请联系联络站' })
    const read = await zhang.get(`/api/mp/deputy/cases/${id}`)
    expect(read.status).to.equal(200)
    expect(read.body.phoneMasked).to.equal('电话无法读取')

    // The bot's "电话 0001" reads through the same door.
    const bot = Object.assign(new Client(app.baseUrl), { bearer: SECRET })
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_zhangwei' })).body
    await app.liaison.store.mpUsers.update(personId, { deputyId: 'dp0001' })
    const byBot = await bot.get(`/api/bot/people/${personId}/deputy/cases/${ticket}/phone`)
    expect(byBot.status).to.equal(409)
    expect(byBot.body.error.message).to.equal('这条留言的电话无法读取，请联系联络站')

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const detail = await lina.get(`/api/admin/cases/${id}`)
    expect(detail.status).to.equal(200)
    expect(detail.body.phoneMasked).to.equal('电话无法读取')

    const copy = await author.get('/api/mp/me/export')
    expect(copy.status).to.equal(200)
    const mine = copy.body.cases.find((c: any) => c.id === id)
    expect(mine).to.include({ phone: null, phoneNote: '留下的电话号码无法读取，请联系联络站' })

    const logged = lines.filter((l) => l.level === 50 && /cannot be decrypted/.test(l.msg))
    expect(logged, 'one line for the operator, however often it is read').to.have.length(1)
    expect(logged[0]).to.include({ recordId: id })
    expect(JSON.stringify(lines)).not.to.include('garbage')
  })
})
