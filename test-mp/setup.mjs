// The mini-program's test process (never the backend's: jsdom's globals would turn axios to
// its browser adapter there). Plain ESM on purpose: mocha imports an .mjs setup file, so the
// modules it loads are the very instances the tests import (a .ts setup would be required as
// CommonJS, loading a second backend and a second axios after jsdom). Order matters:
//  1. the backend and axios load first, so axios keeps its Node adapter for calls to the fake WeChat;
//  2. jsdom's globals, with its Event classes replacing Node's (or events never arrive);
//  3. `wx` as the phone gives it, then miniprogram-simulate, which merges its own stubs under ours.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

process.env.NODE_ENV = 'test'
const { installNetworkGuard, takeBlockedConnections } = await import('../test/helpers/network-guard.ts')
installNetworkGuard()

// TDesign where WeChat DevTools expects it (what `npm install` does through postinstall).
if (!existsSync(new URL('../miniprogram/miniprogram_npm/tdesign-miniprogram', import.meta.url))) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/mp-npm.mjs', import.meta.url))], { stdio: 'ignore' })
}

// The backend calls the fake WeChat through axios, which picks its browser adapter once
// jsdom's XMLHttpRequest exists; pin its Node adapter on both of its builds (ESM and CommonJS).
const require = createRequire(import.meta.url)
;(await import('axios')).default.defaults.adapter = 'http'
require('axios').defaults.adapter = 'http'
await import('../test/helpers/wechat.ts')

require('global-jsdom')(undefined, { pretendToBeVisual: true, url: 'http://localhost/' })
for (const name of ['Event', 'CustomEvent', 'EventTarget']) globalThis[name] = globalThis.window[name]

const { phone, phoneWx, resetPhone } = await import('./harness/wx.ts')
globalThis.wx = phoneWx()
await import('./harness/runtime.ts')
const { closeAllPages } = await import('./harness/page.ts')

export const mochaHooks = {
  beforeEach() {
    resetPhone()
  },
  async afterEach() {
    try {
      await checkTheTestLeftNothingRunning(this.currentTest)
    } finally {
      // Every page the test opened leaves the document and miniprogram-simulate's registries: kept, they cost ~6 MB each.
      closeAllPages()
    }
  },
}

async function checkTheTestLeftNothingRunning(test) {
  if (phone.waiting.length) {
    // Answers the slow network still holds: let them go (to a backend now closed) so none is left hanging.
    phone.slowNetwork = false
    for (const release of phone.waiting.splice(0)) release()
    for (let round = 0; phone.inFlight && round < 500; round++) await new Promise((resolve) => setTimeout(resolve, 10))
    // A test that failed on the way says what went wrong itself; one that passed forgot letAnswersThrough().
    if (test?.state !== 'failed') throw new Error('answers were still held back by the slow network at the end of the test')
    return
  }
  if (phone.inFlight) throw new Error(`${phone.inFlight} request(s) still in flight at the end of the test`)
  const refused = takeBlockedConnections()
  if (refused.length) throw new Error(`this test tried to connect beyond loopback: ${refused.join(', ')}`)
}
