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

/**
 * miniprogram-simulate registers a page and every component it uses afresh at each load, in
 * registries that never forget (its own, j-component's, exparser's), keeps every page's and
 * component's module (required, then dropped from require.cache but not from its parent's
 * children), and puts the page's compiled stylesheet in the document's head, where jsdom parses
 * it into thousands of rules. That is ~6 MB kept per page opened: the whole suite reached 6 GB.
 * So the harness records what each load registers, and forgets it with the page (see MpPage).
 */
const simulateRequire = createRequire(require.resolve('miniprogram-simulate'))
const jComponent = simulateRequire('j-component')
const jComponentUtils = simulateRequire('j-component/src/tool/utils')
const exparser = simulateRequire('miniprogram-exparser')
const simulateWxss = require('miniprogram-simulate/src/wxss')
const simulateUtilsModule = require.cache[require.resolve('miniprogram-simulate/src/utils')]!

interface LoadState {
  /** Ids j-component registered since the current load began. */
  registered: string[]
  managers: Map<string, unknown>
  tagNames: Map<string, string>
}

// Once per process, however many instances of this module mocha's require and import make.
const state: LoadState = (g.__mpLoadState ??= installForgetting())

function installForgetting(): LoadState {
  const fresh: LoadState = { registered: [], managers: new Map(), tagNames: new Map() }
  const register = jComponent.register
  jComponent.register = (definition: unknown) => {
    const id = register(definition)
    fresh.registered.push(id)
    return id
  }
  // j-component's own maps are plain objects nothing can delete from: what registers from now on is
  // kept where the harness can; WeChat's built-in components (view, text …), registered when
  // miniprogram-simulate loaded, stay in j-component's.
  const { cache, getTagName } = jComponentUtils
  jComponentUtils.cache = (id: string, manager?: unknown) => {
    if (manager) fresh.managers.set(id, manager)
    else return fresh.managers.get(id) ?? cache(id)
  }
  jComponentUtils.setTagName = (id: string, tagName: string) => void fresh.tagNames.set(id, tagName)
  jComponentUtils.getTagName = (id: string) => fresh.tagNames.get(id) ?? getTagName(id)
  // The same stylesheet compiled once per tag (postcss and csso are pure): miniprogram-simulate's
  // private map of loads then holds the one string, not a copy per load.
  const compile = simulateWxss.compile
  const compiled = new Map<string, Map<string, string>>()
  simulateWxss.compile = (text: string, options: { prefix?: string; less?: boolean } = {}) => {
    const key = `${options.prefix ?? ''}|${options.less ? 'less' : ''}`
    let byText = compiled.get(key)
    if (!byText) compiled.set(key, (byText = new Map()))
    let css = byText.get(text)
    if (css === undefined) byText.set(text, (css = compile(text, options) as string))
    return css
  }
  // As miniprogram-simulate inserts a page's stylesheet, but found by id: its querySelectorAll(`style#${id}`)
  // leaves a compiled selector in jsdom's selector cache, which never forgets, for every page opened.
  simulateWxss.insert = (sheets: string | string[], id: string) => {
    document.getElementById(id)?.remove()
    const style = document.createElement('style')
    style.id = id
    style.textContent = simulateUtils.transformRpx((Array.isArray(sheets) ? sheets : [sheets]).join(''))
    document.head.appendChild(style)
  }
  return fresh
}

/** What one load of a page registered: its id (also its stylesheet's) and those of every component in it. */
export interface Loaded {
  id: string
  registered: string[]
}

/** Loads a page as miniprogram-simulate does, noting what it registers so that forget() can take it back. */
export function loadPage(path: string): Loaded {
  state.registered = []
  try {
    const id = simulate.load(`${MP_ROOT}/${path}`, { compiler: 'simulate', rootPath: MP_ROOT }) as string
    return { id, registered: state.registered }
  } finally {
    state.registered = []
    // The page's and its components' modules, already out of require.cache, leave their parent too.
    simulateUtilsModule.children = simulateUtilsModule.children.filter((m) => require.cache[m.id] === m)
  }
}

/**
 * Takes a module out of require.cache and out of the children of the module that first required
 * it, which would otherwise keep every launch's copy (app.js and what it requires) for good.
 */
export function dropModule(file: string) {
  const cached = require.cache[file]
  if (!cached) return
  delete require.cache[file]
  const siblings = cached.parent?.children
  const at = siblings ? siblings.indexOf(cached) : -1
  if (at >= 0) siblings!.splice(at, 1)
}

/** Forgets a load whose page is closed: its stylesheet and every registration; nothing can render it again. */
export function forget(loaded: Loaded) {
  document.getElementById(loaded.id)?.remove()
  for (const id of loaded.registered) {
    delete exparser.Component._list[id]
    delete exparser.Behavior._list[id]
    state.managers.delete(id)
    state.tagNames.delete(id)
  }
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
  dropModule(file)
  require(file)
  if (!app) throw new Error('app.js did not call App()')
  const launched = app as Record<string, any>
  if (!launched.globalData) launched.globalData = {}
  launched.onLaunch?.({ path: 'pages/index/index', query: options.query ?? {}, scene: options.scene ?? 1001 })
  return launched
}
