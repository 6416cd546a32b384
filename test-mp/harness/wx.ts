import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { basename } from 'node:path'

/**
 * The part of `wx` the mini-program uses, as a phone gives it, with the network bridged to
 * the real backend over HTTP. The one thing a test decides is who the phone's user is
 * (`phone.loginCode`) and what they tap in WeChat's own dialogs (modals, subscribe, photos).
 */
export interface Navigation {
  how: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack'
  url: string
}

export interface Phone {
  /** The backend's address (http://127.0.0.1:port); the mini-program's configured base URL is mapped onto it. */
  backend: string | null
  /** Answers wx.login with a code the fake WeChat knows. */
  loginCode: () => string
  /** The phone's font size setting (wx.getAppBaseInfo().fontSizeSetting): 17 standard, larger in 关怀模式. */
  fontSizeSetting: number
  storage: Map<string, unknown>
  navigations: Navigation[]
  toasts: string[]
  modals: Array<{ title: string; content: string }>
  /** What the person taps in the next wx.showModal: true = the confirm button. */
  modalAnswers: boolean[]
  /** Files wx.chooseMedia hands back (paths on disk). */
  photos: string[]
  /**
   * wx.requestSubscribeMessage's answer for every template asked; 'switched-off' when the person
   * turned this mini-program's notifications off in WeChat, where WeChat fails the call (20004).
   */
  subscribeAnswer: 'accept' | 'reject' | 'switched-off'
  /** Every wx.requestSubscribeMessage call's templates, refused ones too (none, or more than three: WeChat opens nothing then). */
  subscribeAsked: string[][]
  /** True while a finger's tap is being handled (synchronously): WeChat opens its prompts only then. */
  tapping: boolean
  /** When true, the next wx.request fails as a dropped connection does, after the server answered. */
  dropNextAnswer: boolean
  /** Requests made, as "METHOD /path". */
  requests: string[]
  inFlight: number
  clipboard: string | null
  /** Numbers wx.makePhoneCall was asked to dial. */
  calls: string[]
  /**
   * A slow network: while true, the backend's answers wait (the request stays in flight) until
   * the test lets them through (`letAnswersThrough`), so a test sees what the page shows meanwhile.
   */
  slowNetwork: boolean
  /** The answers held back by the slow network, each released by calling it. */
  waiting: Array<() => void>
  /** Addresses wx.downloadFile was asked for. */
  downloads: string[]
  /** What wx.downloadFile's server answers: an HTTP status, or 'fail' when WeChat cannot reach it (no signal, a domain not allowed). */
  downloadAnswer: number | 'fail'
  /** Files wx.downloadFile really fetched from the backend (its own domain): status, bytes and how the backend named them. */
  downloaded: Array<{ statusCode: number; bytes: Buffer; disposition: string }>
  /** Documents wx.openDocument opened: the downloaded file and the type it was told. */
  documents: Array<{ filePath: string; fileType?: string }>
  /** Pictures wx.previewImage showed full screen: the one shown first, and all it can swipe through. */
  previews: Array<{ current: string; urls: string[] }>
  /**
   * Answers the backend seldom gives and a test cannot easily bring about (a list refused, 403 or
   * 404): a request whose path starts with `path` is answered with this status and the backend's
   * error body, as its error middleware words it, without reaching the backend.
   */
  refusals: Array<{ path: string; status: number; code: string; message: string }>
  /** Titles set with wx.setNavigationBarTitle, in order (the page's .json names it until one is set). */
  titles: string[]
  /** Where wx.pageScrollTo was asked to take the screen: an element's selector, or a distance from the top. */
  scrolls: Array<{ selector?: string; scrollTop?: number }>
}

// One phone per process: mocha loads the setup file through require and the tests through
// import, which gives this module two instances; the state lives on globalThis so both share it.
const shared = globalThis as { __mpPhone?: Phone; __mpConfiguredBase?: string }
export const phone: Phone = (shared.__mpPhone ??= freshPhone())

function freshPhone(): Phone {
  return {
    backend: null,
    loginCode: () => 'no-login-code',
    fontSizeSetting: 17,
    storage: new Map(),
    navigations: [],
    toasts: [],
    modals: [],
    modalAnswers: [],
    photos: [],
    subscribeAnswer: 'accept',
    subscribeAsked: [],
    tapping: false,
    dropNextAnswer: false,
    requests: [],
    inFlight: 0,
    clipboard: null,
    calls: [],
    slowNetwork: false,
    waiting: [],
    downloads: [],
    downloadAnswer: 200,
    downloaded: [],
    documents: [],
    previews: [],
    refusals: [],
    titles: [],
    scrolls: [],
  }
}

/** A new phone for every test: nothing stored, nothing recorded. The backend stays. */
export function resetPhone() {
  const backend = phone.backend
  Object.assign(phone, freshPhone(), { backend })
}

/** The base URL in miniprogram/config.js: requests to it go to the test's backend. */
export function setConfiguredBase(base: string) {
  shared.__mpConfiguredBase = base
}

function target(url: string): URL {
  const configuredBase = shared.__mpConfiguredBase ?? ''
  if (!phone.backend) throw new Error('no backend: call startBackend() first')
  if (!url.startsWith(configuredBase)) throw new Error(`the mini-program called ${url}, not its configured backend ${configuredBase}`)
  return new URL(phone.backend + url.slice(configuredBase.length))
}

interface Answer {
  statusCode: number
  data: unknown
  header: Record<string, string>
}

// A fresh connection per request: a kept-alive socket the server closed while a slow page
// compiled (its keep-alive timeout is 5 s) answers the next request with ECONNRESET.
function send(method: string, url: URL, headers: Record<string, string>, body: Buffer | null): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: body ? { ...headers, 'content-length': String(body.length) } : headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        let data: unknown = raw
        if ((res.headers['content-type'] ?? '').includes('json')) data = JSON.parse(raw)
        resolve({ statusCode: res.statusCode ?? 0, data, header: res.headers as Record<string, string> })
      })
    })
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

function fetchFile(url: URL): Promise<{ statusCode: number; bytes: Buffer; disposition: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, bytes: Buffer.concat(chunks), disposition: res.headers['content-disposition'] ?? '' }))
    })
    req.on('error', reject)
    req.end()
  })
}

type Callbacks<T> = { success?: (res: T) => void; fail?: (err: { errMsg: string; errCode?: number }) => void; complete?: (res: unknown) => void }

/** A wx API's failure with WeChat's own error code, as its fail callback receives it. */
/** WeChat takes at most three templates at one wx.requestSubscribeMessage; more fail with 20003 and open nothing. */
export const MAX_TEMPLATES_PER_TAP = 3

class WxFailure extends Error {
  constructor(
    message: string,
    readonly errCode: number,
  ) {
    super(message)
  }
}

/** Runs an async wx API the way WeChat does: callbacks, and a promise when none are given. */
function callback<T>(name: string, options: Callbacks<T> | undefined, work: () => Promise<T>): Promise<T> | undefined {
  const run = work().then(
    (res) => {
      options?.success?.(res)
      options?.complete?.(res)
      return res
    },
    (err: Error) => {
      const failure = err instanceof WxFailure ? { errMsg: `${name}:fail ${err.message}`, errCode: err.errCode } : { errMsg: `${name}:fail ${err.message}` }
      options?.fail?.(failure)
      options?.complete?.(failure)
      if (!options?.fail && !options?.complete && !options?.success) throw failure
      return undefined as T
    },
  )
  return options?.success || options?.fail || options?.complete ? undefined : run
}

function tracked<T>(work: () => Promise<T>): () => Promise<T> {
  return async () => {
    phone.inFlight++
    try {
      return await work()
    } finally {
      phone.inFlight--
    }
  }
}

function jsonBody(data: unknown, method: string): Buffer | null {
  if (data === undefined || data === null || method === 'GET') return null
  return Buffer.from(typeof data === 'string' ? data : JSON.stringify(data))
}

function withQuery(url: URL, data: unknown) {
  if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v))
  return url
}

function multipart(filePath: string, field: string, formData: Record<string, string> = {}) {
  const boundary = `----wx${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(formData)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${field}"; filename="${basename(filePath)}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
  )
  parts.push(readFileSync(filePath), Buffer.from(`\r\n--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

const sync =
  <T>(value: () => T) =>
  () =>
    value()

/** The wx object the mini-program sees. */
export function phoneWx(): Record<string, unknown> {
  return {
    request(options: Callbacks<Answer> & { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
      const method = (options.method ?? 'GET').toUpperCase()
      const url = target(options.url)
      if (method === 'GET') withQuery(url, options.data)
      phone.requests.push(`${method} ${url.pathname}`)
      const headers = { ...(options.header ?? {}) }
      callback(
        'request',
        options,
        tracked(async () => {
          if (phone.slowNetwork) await new Promise<void>((resolve) => phone.waiting.push(resolve))
          const refusal = phone.refusals.find((r) => url.pathname.startsWith(r.path))
          if (refusal) {
            const error = { code: refusal.code, message: refusal.message, details: [] }
            return { statusCode: refusal.status, data: { error }, header: { 'content-type': 'application/json; charset=utf-8' } }
          }
          const answer = await send(method, url, headers, jsonBody(options.data, method))
          if (phone.dropNextAnswer) {
            phone.dropNextAnswer = false
            throw new Error('timeout')
          }
          return answer
        }),
      )
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },

    uploadFile(
      options: Callbacks<Answer> & { url: string; filePath: string; name: string; header?: Record<string, string>; formData?: Record<string, string> },
    ) {
      const url = target(options.url)
      phone.requests.push(`UPLOAD ${url.pathname}`)
      const listeners: Array<(p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void> = []
      callback(
        'uploadFile',
        options,
        tracked(async () => {
          const { body, type } = multipart(options.filePath, options.name, options.formData)
          // WeChat reports progress as the bytes leave; the test's upload is one chunk.
          for (const l of listeners) l({ progress: 50, totalBytesSent: body.length / 2, totalBytesExpectedToSend: body.length })
          const answer = await send('POST', url, { ...(options.header ?? {}), 'content-type': type }, body)
          for (const l of listeners) l({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length })
          // wx.uploadFile hands back the body as a string, never parsed.
          return { ...answer, data: typeof answer.data === 'string' ? answer.data : JSON.stringify(answer.data) }
        }),
      )
      return { abort() {}, onProgressUpdate: (l: (typeof listeners)[number]) => listeners.push(l) }
    },

    login(options: Callbacks<{ code: string; errMsg: string }>) {
      return callback('login', options, async () => ({ code: phone.loginCode(), errMsg: 'login:ok' }))
    },

    getStorageSync: (key: string) => (phone.storage.has(key) ? structuredClone(phone.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void phone.storage.set(key, structuredClone(value)),
    removeStorageSync: (key: string) => void phone.storage.delete(key),
    clearStorageSync: () => phone.storage.clear(),

    navigateTo: (o: Callbacks<unknown> & { url: string }) =>
      callback('navigateTo', o, async () => void phone.navigations.push({ how: 'navigateTo', url: o.url })),
    redirectTo: (o: Callbacks<unknown> & { url: string }) =>
      callback('redirectTo', o, async () => void phone.navigations.push({ how: 'redirectTo', url: o.url })),
    reLaunch: (o: Callbacks<unknown> & { url: string }) => callback('reLaunch', o, async () => void phone.navigations.push({ how: 'reLaunch', url: o.url })),
    switchTab: (o: Callbacks<unknown> & { url: string }) => callback('switchTab', o, async () => void phone.navigations.push({ how: 'switchTab', url: o.url })),
    navigateBack: (o?: Callbacks<unknown>) => callback('navigateBack', o, async () => void phone.navigations.push({ how: 'navigateBack', url: '' })),

    showToast: (o: Callbacks<unknown> & { title: string }) => callback('showToast', o, async () => void phone.toasts.push(o.title)),
    hideToast: () => undefined,
    showLoading: (o?: Callbacks<unknown>) => callback('showLoading', o, async () => undefined),
    hideLoading: (o?: Callbacks<unknown>) => callback('hideLoading', o, async () => undefined),
    showModal: (o: Callbacks<{ confirm: boolean; cancel: boolean }> & { title?: string; content?: string }) =>
      callback('showModal', o, async () => {
        phone.modals.push({ title: o.title ?? '', content: o.content ?? '' })
        const confirm = phone.modalAnswers.length ? phone.modalAnswers.shift()! : true
        return { confirm, cancel: !confirm }
      }),
    requestSubscribeMessage: (o: Callbacks<Record<string, string>> & { tmplIds: string[] }) => {
      // Since base library 2.8.2 WeChat opens the prompt only from the tap's own handler: called
      // after an await (a request, a timer) it fails, and the person sees nothing open.
      const fromTap = phone.tapping
      return callback('requestSubscribeMessage', o, async () => {
        if (!fromTap) throw new WxFailure('can only be invoked by user TAP gesture.', 10005)
        phone.subscribeAsked.push(o.tmplIds)
        // As WeChat refuses them: nothing opens, and the page hears only the failure.
        if (!o.tmplIds?.length) throw new WxFailure("TmplIds can't be empty", 10001)
        if (o.tmplIds.length > MAX_TEMPLATES_PER_TAP) throw new WxFailure('Templates count out of max bounds', 20003)
        if (phone.subscribeAnswer === 'switched-off') throw new WxFailure('The main switch is switched off', 20004)
        return Object.fromEntries([['errMsg', 'requestSubscribeMessage:ok'], ...o.tmplIds.map((id) => [id, phone.subscribeAnswer])])
      })
    },
    chooseMedia: (o: Callbacks<unknown> & { count?: number }) =>
      callback('chooseMedia', o, async () => {
        const files = phone.photos.splice(0, o.count ?? 9)
        if (!files.length) throw new Error('cancel')
        return { type: 'image', tempFiles: files.map((f) => ({ tempFilePath: f, size: readFileSync(f).length, fileType: 'image' })) }
      }),
    previewImage: (o: Callbacks<unknown> & { urls: string[]; current?: string }) =>
      callback('previewImage', o, async () => void phone.previews.push({ current: o.current ?? o.urls[0], urls: o.urls })),
    // A file on the backend's own domain is fetched from the test's backend, as the phone would. Any
    // other (an attachment on the office's own site, beyond loopback) is not: WeChat's answer is what
    // the test says the server answered.
    downloadFile: (o: Callbacks<{ tempFilePath: string; statusCode: number }> & { url: string }) =>
      callback(
        'downloadFile',
        o,
        tracked(async () => {
          phone.downloads.push(o.url)
          if (phone.downloadAnswer === 'fail') throw new Error('url not in domain list')
          const tempFilePath = `wxfile://tmp_${basename(new URL(o.url).pathname)}`
          const base = shared.__mpConfiguredBase
          if (!base || !o.url.startsWith(base)) return { tempFilePath, statusCode: phone.downloadAnswer }
          const file = await fetchFile(target(o.url))
          phone.downloaded.push(file)
          return { tempFilePath, statusCode: file.statusCode }
        }),
      ),
    openDocument: (o: Callbacks<unknown> & { filePath: string; fileType?: string; showMenu?: boolean }) =>
      callback('openDocument', o, async () => {
        if (!o.filePath.startsWith('wxfile://')) throw new WxFailure('filePath invalid', 1300601)
        phone.documents.push({ filePath: o.filePath, fileType: o.fileType })
      }),
    setClipboardData: (o: Callbacks<unknown> & { data: string }) => callback('setClipboardData', o, async () => void (phone.clipboard = o.data)),
    makePhoneCall: (o?: Callbacks<unknown> & { phoneNumber?: string }) => callback('makePhoneCall', o, async () => void phone.calls.push(o?.phoneNumber ?? '')),
    scanCode: (o?: Callbacks<unknown>) =>
      callback('scanCode', o, async () => {
        throw new Error('cancel')
      }),
    setNavigationBarTitle: (o?: Callbacks<unknown> & { title?: string }) =>
      callback('setNavigationBarTitle', o, async () => void phone.titles.push(o?.title ?? '')),
    pageScrollTo: (o?: Callbacks<unknown> & { selector?: string; scrollTop?: number }) =>
      callback('pageScrollTo', o, async () => void phone.scrolls.push({ selector: o?.selector, scrollTop: o?.scrollTop })),
    stopPullDownRefresh: () => undefined,
    getAppBaseInfo: sync(() => ({
      SDKVersion: '3.6.0',
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
      fontSizeSetting: phone.fontSizeSetting,
      host: { env: 'WeChat' },
    })),
    getWindowInfo: sync(() => ({
      pixelRatio: 3,
      screenWidth: 375,
      screenHeight: 812,
      windowWidth: 375,
      windowHeight: 812,
      statusBarHeight: 44,
      safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
      screenTop: 0,
    })),
    getDeviceInfo: sync(() => ({ brand: 'iPhone', model: 'iPhone 13', system: 'iOS 17.0', platform: 'ios', benchmarkLevel: 1 })),
    getSystemInfoSync: sync(() => ({
      brand: 'iPhone',
      model: 'iPhone 13',
      pixelRatio: 3,
      screenWidth: 375,
      screenHeight: 812,
      windowWidth: 375,
      windowHeight: 812,
      statusBarHeight: 44,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'iOS 17.0',
      platform: 'ios',
      fontSizeSetting: phone.fontSizeSetting,
      SDKVersion: '3.6.0',
      theme: 'light',
    })),
    getAccountInfoSync: sync(() => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } })),
  }
}
