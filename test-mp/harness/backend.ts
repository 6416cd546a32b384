import { createRequire } from 'node:module'
import type { FakeWeChat } from '../../test/fakes/wechat-api.js'
import type { TestApp } from '../../test/helpers/app.js'
import { startWithWeChat } from '../../test/helpers/wechat.js'
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
  return app
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
