import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect } from 'chai'

/**
 * Every route file follows the one pattern: parse → service → presenter. A route factory
 * takes one typed deps object; it never reaches the store (but the idempotency port), nor
 * the whole bag of services; it decides no 404 or 409 itself; and its router says who is
 * signed in, so no handler needs `ctx.state.mpUser!`.
 */

const ROUTES = join(import.meta.dirname, '../../src/http/routes')

/** The router state each guard establishes, and the guard a router of that state must use. */
const GUARDS: Record<string, string> = {
  StaffState: 'requireStaff',
  MpState: 'requireMpUser',
  DeputyState: 'requireDeputy',
  // A public read that says more to someone signed in: her token is checked once, and one that does not verify is
  // nobody (not a 401).
  MaybeMpState: 'optionalMpUser',
}
/**
 * Guards that may sit on the routes that read the person instead of the whole router (a public list reads nobody),
 * with what such a route reads: every route that reads it carries the guard itself, or it reads nobody there.
 */
const PER_ROUTE: Record<string, string> = { optionalMpUser: 'mpUser' }
/** Guards that establish the same state under another name. */
const ALSO: Record<string, string[]> = { requireStaff: ['requireAnyStaff', 'requireStaffBeforePasswordChange'] }

function problemsIn(text: string, isSchema = false): string[] {
  const problems: string[] = []
  for (const [, typeOnly, names, from] of text.matchAll(/^import\s+(type\s+)?(\{[^}]*\}|\w+)\s+from\s+'([^']+)'/gm)) {
    // Schemas use the domain's field rules (free text, id patterns); handlers leave rules to services and presenters.
    if (/\/domain\//.test(from) && !typeOnly && !isSchema) problems.push(`uses a domain rule itself (${from}); a service or presenter applies it`)
    const idempotencyPort =
      from.endsWith('/store/idempotency-port.js') || (from.endsWith('/store/ports.js') && names.replace(/\s/g, '') === '{IdempotencyRepo}')
    if (/\/store\//.test(from) && !idempotencyPort) {
      problems.push(`imports the store (${from}); only the idempotency port may be`)
    }
    if (from.endsWith('/services/index.js')) problems.push('imports the whole bag of services; take what it uses in its deps object')
    if (from.endsWith('/errors.js')) problems.push('imports domain errors: a service decides 404 and 409, not the route')
  }
  for (const [found] of text.matchAll(/\b(?:mpUser|staff|deputyId)!/g))
    problems.push(`asserts a principal with "${found}": use a Router<StaffState>/<MpState>/<DeputyState>`)
  for (const [found] of text.matchAll(/throw new \w+/g)) problems.push(`decides an error itself ("${found}")`)
  for (const [, name, params] of text.matchAll(/^export function (\w+)\(([^)]*)\)/gm)) {
    if (!/^(?:\{[^}]*\}|deps): \w+Deps$/.test(params.trim())) problems.push(`${name} takes "${params}": a route factory takes one typed deps object`)
  }
  const routers = [...text.matchAll(/new Router<(\w+)>/g)].map((m) => m[1])
  if (routers.length > 1) problems.push(`makes ${routers.length} routers: one per file, each of one state`)
  for (const state of routers) {
    const guard = GUARDS[state]
    const onRouter = (g: string) => new RegExp(`router\\.use\\(${g}\\(`).test(text)
    if (guard && PER_ROUTE[guard] && !onRouter(guard)) problems.push(...unguardedRoutes(text, state, guard, PER_ROUTE[guard]))
    else if (guard && ![guard, ...(ALSO[guard] ?? [])].some(onRouter)) problems.push(`a Router<${state}> must begin with router.use(${guard}(…))`)
    if (state === 'AppState' && /state\.(?:staff|mpUser)\b/.test(text))
      problems.push('reads a principal on a Router<AppState>, where nobody is known to be signed in')
  }
  return problems
}

/**
 * The routes of a router whose guard sits on routes, not on the router, that read `principal` without that guard
 * among their own middleware: there nobody would ever be signed in, and she would be read as a stranger.
 */
function unguardedRoutes(text: string, state: string, guard: string, principal: string): string[] {
  // Each call on the router runs to the next one (or to `return router`): a route's head and its inline handler.
  const calls = [...text.matchAll(/\brouter\.\w+\(|^\s*return router\b/gm)].map((m) => m.index)
  return calls.flatMap((start, i) => {
    const call = text.slice(start, calls[i + 1] ?? text.length)
    const route = /^router\.(get|post|put|patch|del|delete|all)\(\s*(['"`])([^'"`]*)\2/.exec(call)
    if (!route || !new RegExp(`\\b${principal}\\b`).test(call)) return []
    // Its middleware: what comes before the handler (an inline async function).
    const head = call.split(/\basync\b|\(ctx\b|\bctx\s*=>/)[0]
    if (new RegExp(`\\b${guard}\\(`).test(head)) return []
    const name = `${route[1] === 'del' ? 'DELETE' : route[1].toUpperCase()} '${route[3]}'`
    return [
      `${name} reads ctx.state.${principal} without ${guard}(…): on a Router<${state}> every route that reads ${principal} carries ${guard}(…) itself (or the router begins with router.use(${guard}(…)))`,
    ]
  })
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

describe('route files: parse → service → presenter, everywhere', () => {
  it('finds each mistake in a deliberately wrong route', () => {
    const wrong = `
import Router from '@koa/router'
import { NotFoundError } from '../../../errors.js'
import { isOverdue } from '../../../domain/case.js'
import type { Services } from '../../../services/index.js'
import type { Store } from '../../../store/ports.js'
import type { AppState, StaffState } from '../../state.js'

export function wrongRoutes(services: Services, store: Store) {
  const router = new Router<StaffState>()
  const other = new Router<AppState>()
  router.get('/api/admin/things/:id', async (ctx) => {
    const thing = await store.things.get(ctx.params.id, ctx.state.staff!)
    if (!thing) throw new NotFoundError('没有')
    ctx.body = thing
  })
  other.get('/api/mp/mine', async (ctx) => {
    ctx.body = await services.things.mine(ctx.state.mpUser)
  })
  return router
}
`
    expect(problemsIn(wrong)).to.deep.equal([
      'imports domain errors: a service decides 404 and 409, not the route',
      'uses a domain rule itself (../../../domain/case.js); a service or presenter applies it',
      'imports the whole bag of services; take what it uses in its deps object',
      'imports the store (../../../store/ports.js); only the idempotency port may be',
      'asserts a principal with "staff!": use a Router<StaffState>/<MpState>/<DeputyState>',
      'decides an error itself ("throw new NotFoundError")',
      'wrongRoutes takes "services: Services, store: Store": a route factory takes one typed deps object',
      'makes 2 routers: one per file, each of one state',
      'a Router<StaffState> must begin with router.use(requireStaff(…))',
      'reads a principal on a Router<AppState>, where nobody is known to be signed in',
    ])
  })

  it('asks optionalMpUser of every route that reads who is signed in on a public router, and of no other', () => {
    const publicThings = `
import Router from '@koa/router'
import type { MaybeMpState } from '../../state.js'

export function publicThingRoutes({ sessions, things }: PublicThingRoutesDeps) {
  const router = new Router<MaybeMpState>({ prefix: '/api/mp/public-things' })
  router.get('/', async (ctx) => {
    ctx.body = await things.all()
  })
  router.get('/:id', optionalMpUser(sessions), async (ctx) => {
    ctx.body = await things.one(ctx.params.id, ctx.state.mpUser?.id ?? null)
  })
  router.get('/:id/mine', async (ctx) => {
    ctx.body = await things.mine(ctx.params.id, ctx.state.mpUser?.id ?? null)
  })
  return router
}
`
    // The list reads nobody and needs no guard; the one route that reads her without it would take her for a stranger.
    expect(problemsIn(publicThings)).to.deep.equal([
      "GET '/:id/mine' reads ctx.state.mpUser without optionalMpUser(…): on a Router<MaybeMpState> every route that reads mpUser carries optionalMpUser(…) itself (or the router begins with router.use(optionalMpUser(…)))",
    ])
    expect(problemsIn(publicThings.replace("router.get('/:id/mine', async", "router.get('/:id/mine', optionalMpUser(sessions), async"))).to.deep.equal([])
  })

  it('holds for every file under src/http/routes', () => {
    const files = routeFiles(ROUTES)
    expect(files.length, 'route files found').to.be.greaterThan(40)
    const found = files.flatMap((file) => problemsIn(readFileSync(file, 'utf8'), /schemas\.ts$/.test(file)).map((p) => `${relative(ROUTES, file)}: ${p}`))
    expect(found).to.deep.equal([])
  })
})
