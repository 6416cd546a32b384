import { shortOffice, type Role } from './session'
import { areaMenu } from './areas'
import type { MenuItem } from './menu-item'

const ALL: Role[] = ['station_staff', 'organizer', 'admin']
const OFFICE: Role[] = ['organizer', 'admin']

/** The cases and station pages (issue 14, part A). More areas come from areas.ts. */
const DAILY = '日常工作'
const caseMenu: MenuItem[] = [
  // A station clerk's 工作概览 and 统计分析 count her station only (the server scopes them).
  { path: '/dashboard', title: '工作概览', roles: ALL, group: DAILY },
  { path: '/cases', title: '留言办理', roles: ALL, group: DAILY },
  { path: '/stats', title: '统计分析', roles: ALL, group: DAILY },
  { path: '/deputies', title: '代表与值班', roles: ALL, group: DAILY },
  { path: '/posters', title: '二维码海报', roles: ALL, group: DAILY },
  { path: '/binding-codes', title: '绑定码', roles: ALL, group: DAILY },
]

export const menu: MenuItem[] = [...caseMenu, ...areaMenu]

export const menuFor = (role: Role) => menu.filter((m) => m.roles.includes(role))

/** The order of the headings: the day's work first, the administrator's pages last. */
const GROUP_ORDER = [DAILY, '分析研判', '组织工作', '代表履职', '建议办理', '民生实事', '基础信息', '系统管理']
/** Fewer entries than this read at a glance: a handling unit's two pages need no headings. */
const GROUPED_FROM = 6

/**
 * The menu as headed sections: an admin's 27 entries in one list put 承办单位 far below 名册 and
 * 民生实事 far from 会议活动. A short menu is one section without a heading.
 */
export function menuSectionsFor(role: Role): Array<{ title: string | null; items: MenuItem[] }> {
  const items = menuFor(role)
  if (items.length < GROUPED_FROM) return [{ title: null, items }]
  const rank = (g?: string) => (g && GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length)
  const titles = [...new Set(items.map((i) => i.group ?? ''))].sort((a, b) => rank(a) - rank(b))
  return titles.map((title) => ({ title: title || null, items: items.filter((i) => (i.group ?? '') === title) }))
}

/**
 * Where each role starts: a handling unit's staff on the suggestions assigned to them, the only page they have;
 * a station clerk on 留言办理, where she does her day's work (工作概览 is first in her menu, one click away).
 */
export const homeOf = (role: Role) => (role === 'unit_staff' ? '/unit/suggestions' : role === 'station_staff' ? '/cases' : '/dashboard')

/**
 * Whether a role may open a page: the menu entry that covers the path (the longest prefix)
 * must list the role. A typed or bookmarked address of a page the menu hides would only show
 * 403s, so the router shows why in words instead (a handling unit's staff: their home). Paths no entry covers are open to all.
 */
export function mayOpen(role: Role, path: string): boolean {
  const covering = coveringEntry(path)
  return !covering || covering.roles.includes(role)
}

/** The menu entry that covers a path: the longest prefix. */
export function coveringEntry(path: string): MenuItem | undefined {
  return menu.filter((m) => path === m.path || path.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]
}

/**
 * Whose page it is, in the words a clerk uses for them: the office's pages by the name of the office she turns to, short
 * ("澜江区人大办"; `office` as the session names it), never a fixed 区人大办 (a county's is a 县's, a city's office is 市's).
 */
const OWNERS: Array<{ roles: Role[]; words: (office: string) => string }> = [
  { roles: ['admin'], words: () => '系统管理员' },
  { roles: ['organizer', 'admin'], words: (office) => (office ? shortOffice(office) : '人大办') },
  { roles: ['unit_staff'], words: () => '承办单位' },
]
const ACCOUNT_WORDS: Record<Role, string> = {
  station_staff: '联络站账号',
  organizer: '人大办工作人员的账号',
  admin: '管理员账号',
  unit_staff: '承办单位账号',
}

/**
 * Why a typed or bookmarked address does not open for this role, in words ("分析周报由澜江区人大办查看，联络站账号没有这一页";
 * `office`: the office she turns to, as her session names it), or null when it does. Said rather than a silent jump
 * home: a colleague's link that "does nothing" reads as a fault.
 */
export function whyNotOpen(role: Role, path: string, office = ''): string | null {
  const entry = coveringEntry(path)
  if (!entry || entry.roles.includes(role)) return null
  const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((r) => b.includes(r))
  const owner = OWNERS.find((o) => sameRoles(o.roles, entry.roles))?.words(office) ?? '其他岗位的工作人员'
  return `${entry.title}由${owner}查看，${ACCOUNT_WORDS[role]}没有这一页`
}

/**
 * A page of hers that counts what the one she cannot open counts, for her own part: a clerk sent the office's 分析周报
 * gets 统计分析, which counts her station (the server scopes it). Offered beside 回到首页; null when there is none.
 */
const INSTEAD: Record<string, string> = { '/analysis/weekly-report': '/stats' }
export function insteadOf(role: Role, path: string): MenuItem | null {
  const covering = coveringEntry(path)
  const other = covering && INSTEAD[covering.path]
  const entry = other ? menu.find((m) => m.path === other) : undefined
  return entry && entry.roles.includes(role) ? entry : null
}
