import type Koa from 'koa'

/** A router of any state: each says what its handlers may rely on (`Router<StaffState>` …). */
export interface Mountable {
  routes(): Koa.Middleware<any, any>
  allowedMethods(): Koa.Middleware<any, any>
  /** Its layers: routes (with methods) and `router.use` middleware (without). */
  readonly stack: ReadonlyArray<{ path: string | RegExp; methods: string[] }>
}

/** Fixed leading segments a route must have to be looked up by: `/api/mp/cases/:id` → `/api/mp/cases`. */
const DEPTH = 3
/** How many path starts keep their chain: the app's own are a few hundred. */
const KEPT_STARTS = 2000
/** A segment with one of these is a parameter, wildcard, group or pattern, not fixed text. */
const PATTERN = /[:*?+()[\]{}!\\]/

/**
 * The route's fixed start, whole segments only, lower case (the routers ignore case), at most
 * DEPTH segments: a path the route matches always begins with it. '' for a route that can
 * match any path.
 */
export function fixedStart(path: string | RegExp): string {
  if (typeof path !== 'string') return ''
  const fixed: string[] = []
  for (const segment of path
    .toLowerCase()
    .split('/')
    .slice(1, DEPTH + 1)) {
    if (PATTERN.test(segment)) break
    fixed.push(segment)
  }
  return fixed.length ? `/${fixed.join('/')}` : ''
}

/** The keys a request path is looked up by: '', then its first one, two and three segments. */
function keysOf(path: string): string[] {
  const parts = path.toLowerCase().split('/', DEPTH + 1)
  const keys = ['']
  for (let i = 1; i < parts.length; i++) keys.push(parts.slice(0, i + 1).join('/'))
  return keys
}

/**
 * All the routers behind one middleware. Mounted one after another, every request ran each
 * router's `routes()` and `allowedMethods()` in turn, about sixty of each, matching every
 * route of every router on the way. Here a request runs, in the same order, only the routers
 * that have a route whose fixed start its path begins with; a router without one could never
 * answer it, so leaving it out changes nothing. A path no router knows still runs one
 * router's pair, which answers an unknown method 501 and leaves the rest a 404, as the whole
 * chain did.
 */
export function dispatchByPath(
  routers: readonly Mountable[],
): Koa.Middleware<any, any> & { routers: readonly Mountable[]; candidatesFor(path: string): number[] } {
  if (!routers.length) throw new Error('dispatchByPath: no routers')
  const pairs = routers.map((r) => [r.routes(), r.allowedMethods()])
  const byStart = new Map<string, number[]>()
  routers.forEach((router, i) => {
    for (const layer of router.stack) {
      // `router.use` middleware runs only for a path one of the router's own routes matched.
      if (!layer.methods.length) continue
      const key = fixedStart(layer.path)
      const list = byStart.get(key) ?? []
      if (list.at(-1) !== i) list.push(i)
      byStart.set(key, list)
    }
  })
  const candidatesFor = (path: string) => {
    const found = new Set<number>()
    for (const key of keysOf(path)) for (const i of byStart.get(key) ?? []) found.add(i)
    return [...found].sort((a, b) => a - b)
  }
  // One composed chain per set of routers; the sets are as few as the routes' fixed starts.
  const chains = new Map<string, Koa.Middleware<any, any>>()
  const chainOf = (indexes: number[]) => {
    const id = indexes.join(',')
    let chain = chains.get(id)
    if (!chain) {
      chain = inTurn((indexes.length ? indexes : [routers.length - 1]).flatMap((i) => pairs[i]))
      chains.set(id, chain)
    }
    return chain
  }
  // The chain depends only on a path's first DEPTH segments: kept per such start, so a request does
  // not work out its candidates again. Bounded, since the segments are whatever a client sends.
  const byPathStart = new Map<string, Koa.Middleware<any, any>>()
  const chainFor = (path: string) => {
    const start = path
      .toLowerCase()
      .split('/', DEPTH + 1)
      .join('/')
    let chain = byPathStart.get(start)
    if (!chain) {
      chain = chainOf(candidatesFor(start))
      if (byPathStart.size < KEPT_STARTS) byPathStart.set(start, chain)
    }
    return chain
  }
  const dispatch = (ctx: Koa.Context, next: Koa.Next) => chainFor(ctx.path)(ctx, next)
  return Object.assign(dispatch, { routers, candidatesFor })
}

/** Middleware run one inside the next, as `app.use` chains them (koa-compose, which Koa keeps to itself). */
function inTurn(middleware: Array<Koa.Middleware<any, any>>): Koa.Middleware<any, any> {
  // Made once per chain, not per request: under tsx a function made per request is also named per request.
  const step = (ctx: Koa.Context, next: Koa.Next, i: number): Promise<unknown> => {
    try {
      return Promise.resolve(i === middleware.length ? next() : middleware[i](ctx, () => step(ctx, next, i + 1)))
    } catch (err) {
      return Promise.reject(err)
    }
  }
  return (ctx, next) => step(ctx, next, 0)
}
