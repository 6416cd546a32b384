import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { MP_ROOT, dropModule, forget, launchApp, loadPage, openPages, simulate, type Loaded } from './runtime.js'
import { phone } from './wx.js'

const require = createRequire(import.meta.url)
const exparser = require('miniprogram-exparser')
const requireCache = require.cache

/**
 * A tap as a finger makes it: on a custom component (TDesign's), on the element at the top
 * of its own template, where the component listens; on a plain element, on itself. The
 * event bubbles and crosses component boundaries as WeChat's does.
 */
function fire(component: any, name: string, detail: Record<string, unknown>) {
  let node = component._exparserNode
  if (node.shadowRoot) node = node.shadowRoot.childNodes.find((n: any) => n instanceof exparser.Element) ?? node
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create(name, detail, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }),
  )
}

/** Waits until the page has nothing left to do: no request in flight (but those the slow network holds back) and no work queued. */
export async function settle() {
  for (let quiet = 0; quiet < 5;) {
    await new Promise((resolve) => setImmediate(resolve))
    quiet = phone.inFlight > phone.waiting.length ? 0 : quiet + 1
  }
}

/**
 * What a lifecycle returns, awaited; on a slow network only until the page is left waiting for
 * the answers held back (awaiting them would wait for ever).
 */
async function finish(run: unknown) {
  if (phone.slowNetwork) await settle()
  else await run
}

/** The slow network catches up: every answer held back arrives, and the page finishes with them. */
export async function letAnswersThrough() {
  phone.slowNetwork = false
  for (const release of phone.waiting.splice(0)) release()
  await settle()
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Every page opened in the current test, closed and forgotten when it ends (closeAllPages): one
 * list for the process, as mocha's require and import of this module make two instances.
 */
const shown: MpPage[] = ((globalThis as { __mpShownPages?: MpPage[] }).__mpShownPages ??= [])

/** A page as the person sees and touches it. */
export class MpPage {
  /** Titles set before this page opened are another page's. */
  private readonly titlesBefore = phone.titles.length
  private closed = false

  constructor(
    readonly path: string,
    readonly component: any,
    private readonly wrapper: Element | null = null,
    private readonly loaded: Loaded | null = null,
  ) {}

  /** The title in the bar at the top: the last one the page set (wx.setNavigationBarTitle), else its .json's. */
  title(): string {
    const set = phone.titles.slice(this.titlesBefore).at(-1)
    if (set !== undefined) return set
    const json = JSON.parse(readFileSync(`${MP_ROOT}/${this.path}.json`, 'utf8')) as { navigationBarTitleText?: string }
    return json.navigationBarTitleText ?? ''
  }

  get instance(): Record<string, any> {
    return this.component.instance
  }
  get data(): Record<string, any> {
    return this.component.instance.data
  }
  get root(): HTMLElement {
    return this.component.dom
  }

  /** All the text on the screen, whitespace squashed. */
  text(): string {
    return squash(this.root.textContent ?? '')
  }

  /** The text of the first element matching a selector; '' when there is none. */
  textOf(selector: string): string {
    const found = this.component.querySelector(selector)
    return found ? squash(found.dom.textContent ?? '') : ''
  }

  has(selector: string): boolean {
    return Boolean(this.component.querySelector(selector))
  }

  /**
   * How a TDesign button looks on the screen: 'filled' in the main colour (the one obvious
   * action of the screen) or 'plain' (outlined or text), read from the button it renders.
   */
  buttonLook(selector: string): 'filled' | 'plain' {
    const rendered = this.find(selector)._exparserNode.shadowRoot?.childNodes.find((n: any) => n instanceof exparser.Element)
    const classes = String(rendered?.$$?.className ?? '')
    return /button--base\b/.test(classes) && /button--primary\b/.test(classes) ? 'filled' : 'plain'
  }

  /** Classes on the page's outermost element (where 关怀模式 sits). */
  rootClasses(): string[] {
    const first = this.root.firstElementChild
    // miniprogram-simulate prefixes a component's classes with its tag ("main--page").
    return first ? Array.from(first.classList).map((c) => c.replace(/^main--/, '')) : []
  }

  private find(selector: string) {
    const found = this.component.querySelector(selector)
    if (!found) throw new Error(`nothing matches ${selector} on ${this.path}; the page shows: ${this.text().slice(0, 400)}`)
    return found
  }

  /** Taps what the selector names (a WXML element or a TDesign component) and lets the page finish. */
  async tap(selector: string, detail: Record<string, unknown> = {}) {
    const target = this.find(selector)
    // What the page does before its first await is done inside the tap (where WeChat allows its prompts).
    phone.tapping = true
    try {
      fire(target, 'tap', detail)
    } finally {
      phone.tapping = false
    }
    await settle()
  }

  /** Fires an event a component emits (change, getphonenumber …) with its detail. */
  async emit(selector: string, event: string, detail: unknown) {
    const found = this.find(selector)
    // A TDesign component speaks through triggerEvent, as when the person uses it; a plain element through the DOM.
    if (found.instance && typeof found.instance.triggerEvent === 'function') found.instance.triggerEvent(event, detail)
    else fire(found, event, detail as Record<string, unknown>)
    await settle()
  }

  /** Types into a field: the component's change event with the value, as TDesign's input sends it. */
  async type(selector: string, value: string) {
    const found = this.find(selector)
    if (found.instance && typeof found.instance.triggerEvent === 'function') found.instance.triggerEvent('change', { value })
    else fire(found, 'input', { value })
    await settle()
  }

  async show() {
    await finish(this.instance.onShow?.())
    await settle()
  }

  close() {
    if (this.closed) return
    this.closed = true
    this.instance.onUnload?.()
    const at = openPages.indexOf(this.instance)
    if (at >= 0) openPages.splice(at, 1)
    this.component.detach()
  }

  /** The test is over: the page is closed if it is not yet, and leaves the document and every registry. */
  tearDown() {
    try {
      this.close()
    } finally {
      this.wrapper?.remove()
      if (this.loaded) forget(this.loaded)
    }
  }
}

/** Closes every page the test opened (onUnload stops a page's timers) and forgets them, so none is kept to the next test. */
export function closeAllPages() {
  const pages = shown.splice(0)
  let failure: unknown = null
  for (const page of pages) {
    try {
      page.tearDown()
    } catch (error) {
      failure ??= error
    }
  }
  if (failure) throw failure
}

/** Splits "pages/a/b?x=1&y=2" as WeChat hands it to onLoad: values as they are in the link. */
export function splitUrl(url: string): { path: string; query: Record<string, string> } {
  const [path, search = ''] = url.replace(/^\//, '').split('?')
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    if (at < 0) query[pair] = ''
    else query[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return { path, query }
}

let launched = false
/** Opens a page as the person arriving at it: the app launched once, then onLoad(query), onShow. */
export async function openPage(url: string): Promise<MpPage> {
  if (!launched) {
    launchApp()
    launched = true
  }
  const { path, query } = splitUrl(url)
  const loaded = loadPage(path)
  const component = simulate.render(loaded.id)
  const parent = document.createElement('parent-wrapper')
  document.body.appendChild(parent)
  component.attach(parent)
  const page = new MpPage(path, component, parent, loaded)
  shown.push(page)
  Object.assign(page.instance, { route: path, options: query })
  openPages.push(page.instance)
  await finish(page.instance.onLoad?.(query))
  await settle()
  await page.show()
  return page
}

/**
 * Launches the app again (a new phone session): the mini-program's modules start afresh, as
 * after WeChat closed it, so nothing one of them kept (the settings fetched once per launch) is left.
 */
export function relaunch() {
  launched = false
  openPages.length = 0
  const ours = `${MP_ROOT}/`
  for (const file of Object.keys(requireCache)) if (file.startsWith(ours) && !file.includes('/miniprogram_npm/')) dropModule(file)
}

/** Follows the last navigation the page asked for, opening the page it names. */
export async function follow(): Promise<MpPage> {
  const last = phone.navigations.at(-1)
  if (!last || !last.url) throw new Error('the page did not navigate anywhere')
  return openPage(last.url)
}

/** Opens a page with the network down (a lift, a bus, one bar of signal); the signal comes back once it has shown what it shows. */
export async function openOffline(url: string): Promise<MpPage> {
  const backend = phone.backend
  phone.backend = 'http://127.0.0.1:9'
  try {
    return await openPage(url)
  } finally {
    phone.backend = backend
    await settle()
  }
}
