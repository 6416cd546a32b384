/**
 * The console's only way to the backend. The session is the httpOnly cookie set by
 * POST /api/admin/login, so every call is same-origin with credentials. A failure becomes an
 * ApiError carrying the backend's Chinese message (shown to the person as is); a 401 sends
 * them to the login page, back to where they were once logged in.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message)
  }
}

type Query = Record<string, string | number | boolean | null | undefined | string[]>

let onUnauthorized: () => void = () => {}
/** The router sets this: where a 401 leads. */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler
}

/**
 * A 401 met by a request this module does not make (TDesign's upload sends its file itself): it
 * leads where every other 401 does, so an ended session looks the same everywhere.
 */
export function sessionEnded() {
  onUnauthorized()
}

/** The words a person sees wherever a session that was open has ended (toast and login page alike). */
export const SESSION_ENDED = '登录已超时，请重新登录'

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v))
    else params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query, base = '/api/admin'): Promise<T> {
  let res: Response
  try {
    res = await fetch(`${base}${path}${queryString(query)}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', '连不上服务器，请检查网络后再试')
  }
  if (res.status === 204) return undefined as T
  const type = res.headers.get('content-type') ?? ''
  const payload = type.includes('json') ? await res.json() : null
  if (res.ok) return payload as T
  const error = payload?.error ?? {}
  // /me is how the router asks whether anyone is logged in: its 401 is an answer, not an expiry.
  if (res.status === 401 && path !== '/login' && path !== '/activate' && path !== '/me') {
    onUnauthorized()
    throw new ApiError(401, error.code ?? 'unauthorized', SESSION_ENDED)
  }
  throw new ApiError(res.status, error.code ?? 'http_error', error.message ?? `操作没有成功（${res.status}），请稍后再试`, error.details ?? null)
}

/** The name in Content-Disposition (filename* carries the Chinese one); the fallback when there is none. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1]
  if (encoded) return decodeURIComponent(encoded)
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback
}

/**
 * Fetches a file (a CSV export) and saves it under the server's Chinese name. Through fetch
 * rather than a plain link, so an ended session leads to the login page instead of a download
 * the browser silently cancels.
 */
async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let res: Response
  try {
    res = await fetch(`/api/admin${path}${queryString(query)}`, { credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', '连不上服务器，请检查网络后再试')
  }
  if (!res.ok) {
    const error = ((res.headers.get('content-type') ?? '').includes('json') ? await res.json() : null)?.error ?? {}
    if (res.status === 401) {
      onUnauthorized()
      throw new ApiError(401, error.code ?? 'unauthorized', SESSION_ENDED)
    }
    throw new ApiError(res.status, error.code ?? 'http_error', error.message ?? `表格没有下载成功（${res.status}），请稍后再试`)
  }
  const href = URL.createObjectURL(await res.blob())
  const link = Object.assign(document.createElement('a'), { href, download: fileNameOf(res.headers.get('content-disposition'), fallbackName) })
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser reads the blob when the click is handled; freeing it at once can cut the file short.
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

async function upload(file: File, path: string): Promise<{ url: string; viewUrl: string }> {
  const form = new FormData()
  form.append('file', file, file.name)
  let res: Response
  try {
    res = await fetch(path, { method: 'POST', credentials: 'same-origin', body: form })
  } catch {
    throw new ApiError(0, 'network', '连不上服务器，请检查网络后再试')
  }
  const payload = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : null
  if (res.ok) return payload
  const error = payload?.error ?? {}
  if (res.status === 401) onUnauthorized()
  throw new ApiError(res.status, error.code ?? 'http_error', error.message ?? `图片没有传上去（${res.status}），请稍后再试`, error.details ?? null)
}

export const api = {
  get: <T = any>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T = any>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T = any>(path: string, body: unknown = {}) => request<T>('PATCH', path, body),
  put: <T = any>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  delete: <T = any>(path: string) => request<T>('DELETE', path),
  /** Public reads of the mini-program API that the console shares (the region tree). */
  public: <T = any>(path: string, query?: Query) => request<T>('GET', path, undefined, query, '/api/mp'),
  /** Reads of the public site's API (/api/public): what anyone sees, such as the answers published. */
  site: <T = any>(path: string, query?: Query) => request<T>('GET', path, undefined, query, '/api/public'),
  /** The handling units' own API (/api/unit): what a unit_staff login reads and does. */
  unit: {
    get: <T = any>(path: string, query?: Query) => request<T>('GET', path, undefined, query, '/api/unit'),
    post: <T = any>(path: string, body: unknown = {}) => request<T>('POST', path, body, undefined, '/api/unit'),
    delete: <T = any>(path: string) => request<T>('DELETE', path, undefined, undefined, '/api/unit'),
    /** One photo to POST /api/unit/uploads: its `url` goes with a report, its `viewUrl` shows it now. */
    upload: (file: File) => upload(file, '/api/unit/uploads'),
  },
  /** Saves a file the backend sends (CSV exports) under its own name; `fallbackName` when it gives none. */
  download: (path: string, query?: Query, fallbackName = '表格.csv') => download(path, query, fallbackName),
  /** A URL the browser loads itself (QR images): the cookie goes along. */
  url: (path: string, query?: Query) => `/api/admin${path}${queryString(query)}`,
}
