import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 孙丽 directs 湛河区's office. She wants to know who read a 湛河区 resident's whole words and what her station's clerk did,
 * without asking the city's admin each time (review 38 § 6: 403 "操作记录由系统管理员查看"). She reads her district's part
 * of 操作记录 — never 新华区's, whose office (钱七) reads its own.
 */
describe('操作记录: an office of a district reads its own part, read-only', () => {
  let app: TestApp
  let zhanhe = ''
  let xinhua = ''
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-07T01:00:00Z'))
    zhanhe = (await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区路灯坏了，我电话13700001111', regionId: 'c010101' })).body.id
    xinhua = (await (await asResident(app)).post('/api/mp/cases', { text: '新华社区垃圾没人清运，我电话13700002222', regionId: 'c020101' })).body.id
    // The city's admin reads both residents' whole words; 李娜 (湛河区's station) and 钱七 (新华区's office) sign in.
    const admin = await asAdmin(app)
    expect((await admin.get(`/api/admin/cases/${zhanhe}/whole-words`)).status).to.equal(200)
    expect((await admin.get(`/api/admin/cases/${xinhua}/whole-words`)).status).to.equal(200)
    await login('lina')
    await login('qianqi')
  })
  after(() => app.close())

  const read = async (username: string, query = '') => (await login(username)).get(`/api/admin/audit${query}`)

  it('shows 孙丽 who read her resident’s whole words and what her clerk did, nothing of 新华区', async () => {
    const answer = await read('sunli')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    const items: Array<{ action: string; targetId: string | null; actorWords: string; actionWords: string }> = answer.body.items
    const read1 = items.filter((e) => e.action === 'case.text.read')
    expect(read1.map((e) => e.targetId)).to.deep.equal([zhanhe])
    expect(read1[0].actionWords).to.equal('查看留言完整原文')
    expect(
      items.some((e) => e.action === 'login.succeeded' && e.actorWords.startsWith('李娜')),
      'her clerk signing in',
    ).to.equal(true)
    expect(
      items.some((e) => e.actorWords.startsWith('钱七')),
      '新华区’s organizer',
    ).to.equal(false)
    expect(
      items.some((e) => e.targetId === xinhua),
      '新华区’s message',
    ).to.equal(false)
  })

  it('finds nothing of 新华区 by its message number either', async () => {
    const ticket = (await (await asAdmin(app)).get(`/api/admin/cases/${xinhua}`)).body.ticket
    const answer = await read('sunli', `?ticket=${ticket}`)
    expect(answer.status).to.equal(200)
    expect(answer.body.items).to.deep.equal([])
    // The same number finds the message for 钱七, whose district it is: nothing was found for 孙丽 because it is not hers.
    const own = (await read('qianqi', `?ticket=${ticket}`)).body.items as Array<{ targetId: string | null; actionWords: string }>
    expect(own.filter((e) => e.actionWords === '查看留言完整原文').map((e) => e.targetId)).to.deep.equal([xinhua])
  })

  it('shows 钱七 新华区’s part, and refuses a station’s clerk in words', async () => {
    const qianqi = (await read('qianqi')).body.items as Array<{ targetId: string | null }>
    expect(qianqi.some((e) => e.targetId === xinhua)).to.equal(true)
    expect(qianqi.some((e) => e.targetId === zhanhe)).to.equal(false)
    const clerk = await read('lina')
    expect(clerk.status).to.equal(403)
    expect(clerk.body.error.message)
      .to.be.a('string')
      .and.match(/[\u4e00-\u9fff]/)
  })
})
