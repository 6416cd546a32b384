import { demoDirectory } from '../../demo/demo-city.js'
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js'
import type { MpUserRecord, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { MpAccounts } from './mp-account.js'
import type { MpSessions } from './mp-sessions.js'

/** Recorded when the store is filled with the demo city on its first start (services/bootstrap.ts seedDemo). */
export const DEMO_STORE_MARKER = 'demo.city-seeded'

/** A demo code is `demo:` and whom to be; wx.login's codes never look like this. */
const DEMO_PREFIX = 'demo:'
const RESIDENT = /^resident-([1-9]\d{0,2})$/
const DEPUTY = /^deputy-([A-Za-z0-9_-]{1,24})$/
const HOW_TO_WRITE = '演示登录码写作 demo:resident-4（居民）或 demo:deputy-DP0004（代表，后面是代表代码）'

/**
 * The demo city's deputies, code → id (their codes and ids do not depend on the day it is seeded).
 * Only they can be signed in as: a deputy of any other directory, even one imported into a store
 * that began as the demo, is nobody of the demo's.
 */
let demoDeputies: Map<string, string> | null = null
const demoDeputyIdOf = (code: string) => (demoDeputies ??= new Map((demoDirectory().deputies ?? []).map((d) => [d.code.toUpperCase(), d.id]))).get(code)

export interface DemoLoginDeps {
  store: Pick<Store, 'markers' | 'mpUsers' | 'deputies'>
  sessions: MpSessions
  accounts: Pick<MpAccounts, 'profile'>
  /** Every demo sign-in is written down: whoever runs the server can see who came in as whom. */
  audit: Pick<AuditTrail, 'record'>
  /** wechat.enabled: a server that signs people in through WeChat signs nobody in any other way. */
  wechatConfigured: boolean
  /** demo.seedOnEmptyStore: a deployment's configuration turns it off, and with it this way in. */
  demoConfigured: boolean
}

/**
 * The demo's way into the mini-program without WeChat: on the computer that runs `npm start` on the
 * demo city, WeChat DevTools or curl signs in as one of the demo's residents or deputies by naming
 * them (`demo:resident-4`, `demo:deputy-DP0004`). Without it nobody trying the demo could see a
 * resident's or a deputy's side at all: there is no AppID, so wx.login's codes lead nowhere.
 *
 * Refused unless every one holds: WeChat login is not configured, the store was seeded as the demo
 * and the configuration still says demo, and the request comes from this very machine (the route
 * decides that from the socket, see http/from-this-machine.ts). A deployment has WeChat configured,
 * so there it can never sign anyone in.
 */
export class DemoLogin {
  constructor(private readonly deps: DemoLoginDeps) {}

  /** Whether the mini-program sent a demo code rather than wx.login's. */
  isDemoCode(code: string) {
    return code.startsWith(DEMO_PREFIX)
  }

  async signIn(code: string, fromThisMachine: boolean) {
    const { store, sessions, accounts, wechatConfigured, demoConfigured } = this.deps
    // Whoever runs the server reads these; the codes say which condition failed.
    if (wechatConfigured) throw new ForbiddenError('已接通微信登录，演示登录不能使用', 'demo_login_wechat_configured')
    if (!fromThisMachine) throw new ForbiddenError('演示登录只能在运行演示的这台电脑上使用', 'demo_login_not_local')
    if (!demoConfigured || !(await store.markers.doneAt(DEMO_STORE_MARKER)))
      throw new ForbiddenError('这里不是演示数据，不能使用演示登录', 'demo_login_not_demo')
    const who = code.slice(DEMO_PREFIX.length).trim()
    const user = await this.person(who)
    await this.deps.audit.record(null, 'mp.demo_login', user.deputyId ? { kind: 'deputy', id: user.deputyId } : null, {
      as: who.toLowerCase(),
      mpUserId: user.id,
    })
    const session = await sessions.issue(user.id)
    return { ...session, profile: await accounts.profile({ kind: 'mp_user', id: user.id, deputyId: user.deputyId }) }
  }

  private async person(who: string): Promise<MpUserRecord> {
    const { store, sessions } = this.deps
    const resident = RESIDENT.exec(who)
    // The openids the demo's messages were written under (demo/demo-cases.ts): residents 1–8 find
    // their messages; a higher number is a resident on her first visit.
    if (resident) return sessions.userForOpenid(`demo-resident-${resident[1]}`)
    const deputyCode = DEPUTY.exec(who)?.[1]?.toUpperCase()
    if (!deputyCode) throw new ValidationError('演示登录码写得不对', [{ path: 'body.code', message: HOW_TO_WRITE }])
    const demoId = demoDeputyIdOf(deputyCode)
    const deputy = demoId ? await store.deputies.getByCode(deputyCode) : null
    if (!deputy?.active || deputy.id !== demoId) throw new NotFoundError(`演示数据里没有代码为 ${deputyCode} 的在任代表`, 'demo_person_not_found')
    // The account the demo's seeding answered his messages from, or a new one: bound to him as a binding code would.
    const user = await sessions.userForOpenid(`demo-deputy-${deputy.id}`)
    if (user.deputyId === deputy.id) return user
    return store.mpUsers.update(user.id, { deputyId: deputy.id })
  }
}
