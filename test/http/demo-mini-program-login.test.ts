import { execFile } from 'node:child_process'
import { networkInterfaces } from 'node:os'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { build, type Liaison } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { localDate } from '../../src/domain/dates.js'
import { DEMO_STORE_MARKER } from '../../src/services/accounts/demo-login.js'
import { ensureAdmin, seedDemo } from '../../src/services/bootstrap.js'
import { ADMIN_PASSWORD, Client } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { FakeWeChat } from '../fakes/wechat-api.js'

interface Demo {
  liaison: Liaison
  port: number
  baseUrl: string
  /** Anyone on this computer: WeChat DevTools, curl. */
  client: Client
  close(): Promise<void>
}

/** `npm start` as a person evaluating Liaison runs it: the demo city seeded on an empty store, no WeChat. */
async function startDemo(options: { overrides?: Record<string, unknown>; seed?: 'demo' | 'other'; host?: string } = {}): Promise<Demo> {
  const config = loadConfig({ overrides: { demo: { seedOnEmptyStore: true }, ...options.overrides } })
  const liaison = await build(config)
  const { store, services } = liaison
  if (options.seed === 'other') await services.importer.import(caseCity(), null, undefined, { changeAtFirstLogin: false })
  else {
    await seedDemo(store, services.importer, demoDirectory({ today: localDate(new Date(), config.business.timeZone) }))
    await seedDemoCases(store, services)
  }
  await ensureAdmin(store, services.passwords, services.audit, ADMIN_PASSWORD)
  const { port } = await liaison.listen(0, options.host ?? '127.0.0.1')
  const baseUrl = `http://127.0.0.1:${port}`
  return { liaison, port, baseUrl, client: new Client(baseUrl), close: () => liaison.close() }
}

const login = (client: Client, code: string) => client.post('/api/mp/login', { code })

/** The answer a refused demo login must give: the documented error body, no session. */
function expectRefused(answer: { status: number; body: any }, status: number, code: string, words: string) {
  expect(answer.status, JSON.stringify(answer.body)).to.equal(status)
  expect(answer.body.error.code).to.equal(code)
  expect(answer.body.error.message).to.include(words)
  expect(answer.body.token).to.equal(undefined)
}

describe('the demo city in the mini-program without WeChat (demo:resident-4, demo:deputy-DP0004)', () => {
  describe('on the computer that runs the demo', () => {
    let demo: Demo
    before(async () => {
      demo = await startDemo()
    })
    after(() => demo.close())

    it('a plain wx.login code still says WeChat login is not set up (the demo has no AppID)', async () => {
      expectRefused(await login(demo.client, '0a3Bc9xyz'), 503, 'wechat_not_configured', '小程序登录暂未开通')
    })

    it('signs in as demo resident 4, who finds her answered message waiting for her rating', async () => {
      const answer = await login(demo.client, 'demo:resident-4')
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      expect(answer.body.roles).to.deep.equal(['resident'])
      const resident = new Client(demo.baseUrl)
      resident.bearer = answer.body.token
      const mine = await resident.get('/api/mp/cases')
      expect(mine.status).to.equal(200)
      const parking = mine.body.items.find((c: any) => c.excerpt.includes('建新社区停车位太少'))
      expect(parking, JSON.stringify(mine.body.items)).to.not.equal(undefined)
      expect(parking.statusLabel).to.equal('代表已答复，请评价')
      // The same person each time: the demo's resident 4, not a new account per login.
      const again = await login(demo.client, 'demo:resident-4')
      expect(again.body.id).to.equal(answer.body.id)
    })

    it('signs in as a demo deputy by his code, who sees his workbench and the messages waiting for him', async () => {
      const { store } = demo.liaison
      const holder = (await store.cases.search({ limit: 50 })).items.find((c) => c.deputyId && ['assigned', 'acknowledged'].includes(c.status))
      expect(holder, 'the demo has a message waiting for a deputy').to.not.equal(undefined)
      const deputy = (await store.deputies.get(holder!.deputyId!))!
      const answer = await login(demo.client, `demo:deputy-${deputy.code.toLowerCase()}`)
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
      expect(answer.body.roles).to.deep.equal(['resident', 'deputy'])
      expect(answer.body.deputy).to.include({ code: deputy.code, name: deputy.name })
      const client = new Client(demo.baseUrl)
      client.bearer = answer.body.token
      const work = await client.get('/api/mp/deputy/cases')
      expect(work.status).to.equal(200)
      expect(JSON.stringify(work.body)).to.include(holder!.ticket)
      // The home page of DevTools asks "known?" with the same code, and finds him.
      const known = await demo.client.post('/api/mp/session/known', { code: `demo:deputy-${deputy.code}` })
      expect(known.status).to.equal(200)
      expect(known.body).to.include({ known: true })
      expect(known.body.deputy.name).to.equal(deputy.name)
      // Whoever runs the server reads in 操作记录 that someone came in through the demo, and as whom.
      const admin = await new Client(demo.baseUrl).login('admin', ADMIN_PASSWORD)
      const trail = (await admin.get('/api/admin/audit?action=mp.demo_login')).body.items
      const his = trail.filter((e: any) => e.targetWords === `${deputy.name}代表`)
      expect(his.map((e: any) => [e.actionWords, e.detailWords])).to.deep.include(['演示登录小程序', `演示登录码 demo:deputy-${deputy.code.toLowerCase()}`])
      expect(his, 'the login and the home page\'s "known?" each').to.have.length(2)
    })

    it('says plainly when the code names nobody of the demo, or is written wrong', async () => {
      expectRefused(await login(demo.client, 'demo:deputy-DP9999'), 404, 'demo_person_not_found', '没有代码为 DP9999 的在任代表')
      const wrong = await login(demo.client, 'demo:zhangsan')
      expectRefused(wrong, 400, 'validation_failed', '演示登录码写得不对')
      expect(wrong.body.error.details[0]).to.deep.include({ path: 'body.code' })
      expect(wrong.body.error.details[0].message).to.include('demo:resident-4')
    })

    it('refuses a request a proxy on this computer passed on, since the person behind it may be anywhere', async () => {
      const relayed = await demo.client.post('/api/mp/login', { code: 'demo:resident-4' }, { 'x-forwarded-for': '203.0.113.7' })
      expectRefused(relayed, 403, 'demo_login_not_local', '只能在运行演示的这台电脑上使用')
    })
  })

  describe('is refused', () => {
    let demo: Demo | null = null
    let fake: FakeWeChat | null = null
    afterEach(async () => {
      await demo?.close()
      await fake?.stop()
      demo = null
      fake = null
    })

    it('when WeChat login is configured, even on the demo city from this computer', async () => {
      fake = new FakeWeChat()
      const apiBase = await fake.start()
      demo = await startDemo({ overrides: { wechat: { enabled: true, appId: fake.appId, secret: fake.secret, apiBase } } })
      expectRefused(await login(demo.client, 'demo:resident-4'), 403, 'demo_login_wechat_configured', '已接通微信登录')
      expectRefused(await demo.client.post('/api/mp/session/known', { code: 'demo:resident-4' }), 403, 'demo_login_wechat_configured', '演示登录不能使用')
      // WeChat's own login works there as before.
      fake.addLoginCode('code-real-person', { openid: 'o-real-person' })
      expect((await login(demo.client, 'code-real-person')).status).to.equal(200)
    })

    it('when the store was not seeded as the demo city', async () => {
      demo = await startDemo({ seed: 'other' })
      expectRefused(await login(demo.client, 'demo:resident-4'), 403, 'demo_login_not_demo', '这里不是演示数据')
      expect(await demo.liaison.store.mpUsers.getByOpenid('demo-resident-4'), 'nobody made').to.equal(null)
    })

    it('once a real directory is imported into the store that began as the demo: nobody of it, nor of the demo, signs in that way', async () => {
      demo = await startDemo()
      // A district tried the demo, kept the store and imported its own people; 王芳 now holds the code DP0002.
      await demo.liaison.services.importer.import(caseCity(), null, undefined, { changeAtFirstLogin: false })
      expectRefused(await login(demo.client, 'demo:deputy-DP0002'), 403, 'demo_login_not_demo', '这里不是演示数据')
      expectRefused(await login(demo.client, 'demo:resident-4'), 403, 'demo_login_not_demo', '不能使用演示登录')
      const admin = await new Client(demo.baseUrl).login('admin', ADMIN_PASSWORD)
      expect((await admin.get('/api/admin/audit?action=mp.demo_login')).body.items, 'nobody came in').to.have.length(0)
    })

    it("for a deputy who is not one of the demo city's, even on a store still marked as the demo", async () => {
      demo = await startDemo()
      // A store an older version left marked as the demo after its real directory was imported.
      const real = caseCity()
      real.deputies = real.deputies.map((d) => ({ ...d, id: `zh-${d.id}`, code: `ZH${d.code.slice(2)}` }))
      await demo.liaison.services.importer.import(real, null, undefined, { changeAtFirstLogin: false })
      await demo.liaison.store.markers.markDone(DEMO_STORE_MARKER, new Date())
      expect((await demo.liaison.store.deputies.getByCode('ZH0002'))?.active, 'the real deputy is in office').to.equal(true)
      expectRefused(await login(demo.client, 'demo:deputy-ZH0002'), 404, 'demo_person_not_found', '没有代码为 ZH0002 的在任代表')
      expect(await demo.liaison.store.mpUsers.getByOpenid('demo-deputy-zh-dp0002'), 'nobody made').to.equal(null)
      // The demo's own deputies still sign in there.
      expect((await login(demo.client, 'demo:deputy-DP0004')).status).to.equal(200)
    })

    it('when the configuration no longer says demo, though the store once was', async () => {
      demo = await startDemo({ overrides: { demo: { seedOnEmptyStore: false } } })
      expectRefused(await login(demo.client, 'demo:deputy-DP0004'), 403, 'demo_login_not_demo', '不能使用演示登录')
    })

    it('when the request comes over the network from another address, not from this computer', async function () {
      // This machine's own non-loopback address: the request reaches the server as another computer's would.
      const address = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal)?.address
      if (!address) return this.skip() // a machine with loopback only has no other address to come from
      demo = await startDemo({ host: '0.0.0.0' })
      // Made by another process: this test process only ever connects to loopback (test/helpers/network-guard.ts).
      const script = `fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'demo:resident-4' }) })
        .then(async (r) => console.log(JSON.stringify({ status: r.status, body: await r.json() })))`
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, `http://${address}:${demo.port}/api/mp/login`])
      expectRefused(JSON.parse(stdout), 403, 'demo_login_not_local', '只能在运行演示的这台电脑上使用')
      // The same code from this computer signs in: the address alone made the difference.
      expect((await login(demo.client, 'demo:resident-4')).status).to.equal(200)
    })

    it('when the server is set up behind a reverse proxy (http.trustProxy)', async () => {
      demo = await startDemo({ overrides: { http: { trustProxy: true } } })
      expectRefused(await login(demo.client, 'demo:resident-4'), 403, 'demo_login_not_local', '只能在运行演示的这台电脑上使用')
    })
  })
})
