import { createRequire } from 'node:module'
import { expect } from 'chai'
import { seedDemoCases } from '../src/demo/demo-cases.js'
import { demoDirectory } from '../src/demo/demo-city.js'
import { localDate } from '../src/domain/dates.js'
import { seedDemo } from '../src/services/bootstrap.js'
import { startApp, type TestApp } from '../test/helpers/app.js'
import { follow, openPage, relaunch } from './harness/page.js'
import { phone, setConfiguredBase } from './harness/wx.js'

const require = createRequire(import.meta.url)
const CONFIG = require.resolve('../miniprogram/config.js')

/** miniprogram/config.js as the person trying the demo edits it; the pages read this very module. */
function configure(demoLogin: string) {
  relaunch() // a new start of the mini-program: its modules load afresh, config.js among them
  const config = require(CONFIG) as { apiBase: string; demoLogin: string }
  config.demoLogin = demoLogin
  setConfiguredBase(config.apiBase)
  phone.storage.clear()
}

/**
 * Someone evaluating Liaison runs `npm start` (the demo city, no AppID) and opens the mini-program in
 * WeChat DevTools on the same computer. wx.login's code leads nowhere without an AppID; with
 * `demoLogin` in config.js the mini-program signs in as a demo resident or a demo deputy instead.
 */
describe('mini-program story: trying the demo city in WeChat DevTools', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ overrides: { demo: { seedOnEmptyStore: true } } })
    const { store, services, config } = app.liaison
    await seedDemo(store, services.importer, demoDirectory({ today: localDate(new Date(), config.business.timeZone) }))
    await seedDemoCases(store, services)
    phone.backend = app.baseUrl
  })
  after(async () => {
    configure('')
    await app.close()
  })

  it('as demo:deputy-…, the home page shows his 代表工作台 with his name and a message waiting for him', async () => {
    const { store } = app.liaison
    const held = (await store.cases.search({ limit: 50 })).items.find((c) => c.deputyId && ['assigned', 'acknowledged'].includes(c.status))!
    const deputy = (await store.deputies.get(held.deputyId!))!
    configure(`deputy-${deputy.code}`)
    const home = await openPage('pages/index/index')
    expect(home.text()).to.include('代表工作台')
    await home.tap('#workbench')
    const workbench = await follow()
    expect(workbench.text()).to.include(`${deputy.name} 代表，您好`)
    expect(workbench.text()).to.include(held.text.slice(0, 8))
    expect(phone.requests).to.include('POST /api/mp/session/known')
  })

  it('as demo:resident-4, 我的留言 shows her parking message answered and asks her to rate it', async () => {
    configure('resident-4')
    const list = await openPage('pages/case/list')
    expect(list.text()).to.include('建新社区停车位太少')
    expect(list.text()).to.include('请评价')
  })
})
