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
  if (res.status === 401 && path !== '/login' && path !== '/activate' && path !== '/me') onUnauthorized()
  throw new ApiError(res.status, error.code ?? 'http_error', error.message ?? `操作没有成功（${res.status}），请稍后再试`, error.details ?? null)
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
  /** The handling units' own API (/api/unit): what a unit_staff login reads and does. */
  unit: {
    get: <T = any>(path: string, query?: Query) => request<T>('GET', path, undefined, query, '/api/unit'),
    post: <T = any>(path: string, body: unknown = {}) => request<T>('POST', path, body, undefined, '/api/unit'),
    /** One photo to POST /api/unit/uploads: its `url` goes with a report, its `viewUrl` shows it now. */
    upload: (file: File) => upload(file, '/api/unit/uploads'),
  },
  /** A URL the browser downloads itself (CSV exports, QR images): the cookie goes along. */
  url: (path: string, query?: Query) => `/api/admin${path}${queryString(query)}`,
}
