import { createRequire } from 'node:module'
import { seedDemoCases } from '../../src/demo/demo-cases.js'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { localDate } from '../../src/domain/dates.js'
import { seedDemo } from '../../src/services/bootstrap.js'
import { startApp, type TestApp } from '../../test/helpers/app.js'
import { relaunch } from './page.js'
import { phone, setConfiguredBase } from './wx.js'

const require = createRequire(import.meta.url)
const CONFIG = require.resolve('../../miniprogram/config.js')

/** miniprogram/config.js as the person trying the demo edits it; the pages read this very module. */
export function configureDemo(demoLogin: string) {
  relaunch() // a new start of the mini-program: its modules load afresh, config.js among them
  const config = require(CONFIG) as { apiBase: string; demoLogin: string }
  config.demoLogin = demoLogin
  setConfiguredBase(config.apiBase)
  phone.storage.clear()
}

/**
 * The demo city as `npm start` seeds it (its directory and its cases), the phone talking to it, for the stories
 * of someone trying the demo in WeChat DevTools; afterwards config.js is left without a demo login.
 */
export function useDemoCity(): { readonly app: TestApp } {
  const story = {} as { app: TestApp }
  before(async () => {
    const app = await startApp({ overrides: { demo: { seedOnEmptyStore: true } } })
    const { store, services, config } = app.liaison
    await seedDemo(store, services.importer, demoDirectory({ today: localDate(new Date(), config.business.timeZone) }))
    await seedDemoCases(store, services)
    phone.backend = app.baseUrl
    story.app = app
  })
  after(async () => {
    configureDemo('')
    await story.app?.close()
  })
  return story
}
