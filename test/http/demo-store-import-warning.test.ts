import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { seedDemo } from '../../src/services/bootstrap.js'
import { demoDirectory } from '../../src/demo/demo-city.js'

/** 梧桐区's own roster, with its own codes: nothing in it is the demo's. */
const wutong = () => ({
  regions: [
    { id: 'wt', name: '梧桐区', kind: 'district', parentId: null },
    { id: 'wt-wt', name: '梧桐街道', kind: 'street', parentId: 'wt' },
  ],
  stations: [{ id: 'wtz01', code: 'WTZ01', name: '梧桐街道代表联络站', kind: 'community', address: '梧桐路1号', regionIds: ['wt-wt'], receptionDays: ['wed'] }],
  deputies: [{ id: 'wt001', code: 'WT001', name: '周建国', level: 'county', stationIds: ['wtz01'], topics: [], phone: null }],
  staff: [{ id: 'zhangli', name: '张丽', role: 'station_staff', stationIds: ['wtz01'], username: 'zhangli', activationCode: 'WT-ZL-7731-K9' }],
})

const DEMO_LEFT =
  '系统里还有演示城市（青澜市）的数据：4 个区县、11 个联络站、60 名代表、19 个演示账号（仍可用第一次启动时打印的密码登录），导入没有删除它们。' +
  '正式使用前请换用新的数据库重新开始：停止服务，设置环境变量 LIAISON_DEMO=off，把 LIAISON_DB 改成一个新的数据库文件' +
  '（如 sqlite:./data/liaison-live.db），再启动并导入名册（见 README「上线 / Going live」）'

/**
 * 钱科长 tried the demo with `npm start`, then imported her district's roster into the same store. The
 * import succeeds, but its report says first that the fictional city and its 19 accounts are still there
 * (and still sign in), and how to start clean (a store that never was the demo hears nothing of it:
 * test/cli/going-live-without-the-demo.test.ts).
 */
describe('importing a real roster into a store that began as the demo', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('warns that the demo city and its accounts are still there, and says how to start clean', async () => {
    app = await startApp()
    const logins = await seedDemo(app.liaison.store, app.liaison.services.importer, demoDirectory())
    const admin = await asAdmin(app)
    const imported = await admin.post('/api/admin/directory/import', wutong())
    expect(imported.status, JSON.stringify(imported.body)).to.equal(200)
    expect(imported.body.warnings[0]).to.equal(DEMO_LEFT)
    // What it warns of: a demo account still signs in with the password printed at the first start.
    const demoClerk = logins!.find((l) => l.role === 'station_staff')!
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: demoClerk.username, password: demoClerk.password })).status).to.equal(200)
  })
})
