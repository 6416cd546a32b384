import { createRequire } from 'node:module'
import type { FakeWeChat } from '../../test/fakes/wechat-api.js'
import { asResident, startApp, type TestApp } from '../../test/helpers/app.js'
import { startWithWeChat } from '../../test/helpers/wechat.js'
import { relaunch } from './page.js'
import { phone, setConfiguredBase } from './wx.js'

const require = createRequire(import.meta.url)
const mpConfig = require('../../miniprogram/config.js') as { apiBase: string }

export type Backend = TestApp & { fake: FakeWeChat }

/**
 * The real backend (real HTTP server on an ephemeral port, SQLite in memory, the demo
 * case city) talking to the fake WeChat; the phone's requests to the mini-program's
 * configured address arrive here.
 */
export async function startBackend(overrides: Record<string, unknown> = {}): Promise<Backend> {
  const app = await startWithWeChat(overrides)
  phone.backend = app.baseUrl
  setConfiguredBase(mpConfig.apiBase)
  // A new backend is a new start of the mini-program: nothing fetched from the last one (the settings) is kept.
  relaunch()
  return app
}

/** A backend whose directory has not been imported yet (a new deployment): no places, no stations, no deputies. */
export async function startEmptyBackend(): Promise<TestApp> {
  const app = await startApp()
  phone.backend = app.baseUrl
  setConfiguredBase(mpConfig.apiBase)
  relaunch()
  return app
}

/**
 * As holdPhone, for a resident who has agreed to the privacy notice as it reads now (as anyone who wrote a message
 * has): her named answers and quiz papers go in without the notice put before her (domain/consent-needed.ts).
 */
export async function holdAgreedPhone(app: Backend, openid: string) {
  await asResident(app, openid)
  holdPhone(app, openid)
}

let seq = 0
/** From now on the phone belongs to this WeChat user: wx.login answers codes the fake WeChat maps to the openid. */
export function holdPhone(app: Backend, openid: string) {
  // Another person's phone: no session of the one before.
  phone.storage.delete('session.token')
  phone.storage.delete('session.profile')
  phone.loginCode = () => {
    const code = `mp-${openid}-${++seq}`
    app.fake.addLoginCode(code, { openid })
    return code
  }
}
