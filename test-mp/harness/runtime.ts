import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/**
 * What WeChat provides around pages and miniprogram-simulate does not: App(), getApp(),
 * Page() and getCurrentPages(). A page's definition is captured and registered as a
 * j-component whose methods are the page's functions; the harness calls its lifecycles.
 */
const require = createRequire(import.meta.url)
export const MP_ROOT = fileURLToPath(new URL('../../miniprogram', import.meta.url))

const g = globalThis as Record<string, any>
const simulateUtils = require('miniprogram-simulate/src/utils')
export const simulate = require('miniprogram-simulate')

// WeChat resolves "tdesign-miniprogram/button/button" in usingComponents through
// miniprogram_npm/; miniprogram-simulate only knows relative and root-absolute paths.
const readJson = simulateUtils.readJson
simulateUtils.readJson = (file: string) => {
  const json = readJson(file)
  const using = json?.usingComponents
  if (using) for (const [tag, path] of Object.entries<string>(using)) if (!/^[./]/.test(path)) using[tag] = `/miniprogram_npm/${path}`
  return json
}

let app: Record<string, any> | null = null
g.App = (definition: Record<string, any>) => {
  app = definition
}
g.getApp = () => {
  if (!app) throw new Error('getApp() before app.js ran')
  return app
}

export const openPages: Array<Record<string, any>> = []
g.getCurrentPages = () => openPages.slice()

const LIFECYCLES = new Set(['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload', 'onPullDownRefresh', 'onReachBottom', 'onShareAppMessage', 'onPageScroll'])

g.Page = (definition: Record<string, any>) => {
  const methods: Record<string, unknown> = {}
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(definition)) {
    if (key === 'data') continue
    if (typeof value === 'function') methods[key] = value
    else fields[key] = value
  }
  void LIFECYCLES
  g.Component({
    data: definition.data ?? {},
    methods,
    options: { addGlobalClass: true },
    lifetimes: {
      created(this: Record<string, unknown>) {
        Object.assign(this, structuredClone(fields))
      },
    },
  })
}

/** Runs app.js once, as WeChat does at launch, and its onLaunch. */
export function launchApp(options: { query?: Record<string, string>; scene?: number } = {}) {
  app = null
  const file = `${MP_ROOT}/app.js`
  delete require.cache[file]
  require(file)
  if (!app) throw new Error('app.js did not call App()')
  const launched = app as Record<string, any>
  if (!launched.globalData) launched.globalData = {}
  launched.onLaunch?.({ path: 'pages/index/index', query: options.query ?? {}, scene: options.scene ?? 1001 })
  return launched
}
