import { createRequire } from 'node:module'
import { expect } from 'chai'
import { seedDemoCases } from '../src/demo/demo-cases.js'
import { demoDirectory } from '../src/demo/demo-city.js'
import { localDate } from '../src/domain/dates.js'
import { seedDemo } from '../src/services/bootstrap.js'
import { startApp, type TestApp } from '../test/helpers/app.js'
import { openPage, relaunch } from './harness/page.js'
import { phone, setConfiguredBase } from './harness/wx.js'

const require = createRequire(import.meta.url)
const CONFIG = require.resolve('../miniprogram/config.js')

/** miniprogram/config.js as the person trying the demo edits it (as the-demo-in-devtools… does). */
function configure(demoLogin: string) {
  relaunch()
  const config = require(CONFIG) as { apiBase: string; demoLogin: string }
  config.demoLogin = demoLogin
  setConfiguredBase(config.apiBase)
  phone.storage.clear()
}

/**
 * The privacy notice went to v2, and those who agreed to v1 are asked again. The demo city's residents were made
 * agreeing to the notice in force when it is seeded (npm start), so someone trying the demo as demo:resident-4 reads
 * 已同意 on 我的 and writes at once, not a notice "有更新" for a consent nobody gave.
 */
describe('mini-program story: the demo city’s residents agreed to the notice in force', () => {
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

  it('as demo:resident-4, 我的 says 已同意 and 留言 opens the form, not the notice', async () => {
    configure('resident-4')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#consent')).to.equal('已同意个人信息保护说明')
    expect(mine.has('#consent-updated')).to.equal(false)
    const write = await openPage('pages/case/new')
    expect(write.has('#text'), 'the form, not the notice').to.equal(true)
    expect(write.text()).to.not.include('有更新')
  })
})
