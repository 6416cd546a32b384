import type { Role } from './session'
import { areaMenu } from './areas'

/** One entry of the side menu: who sees it is decided here, what they may do by the server. */
export interface MenuItem {
  path: string
  title: string
  roles: Role[]
  /** Entries with the same group are shown under one heading. */
  group?: string
}

const ALL: Role[] = ['station_staff', 'organizer', 'admin']
const OFFICE: Role[] = ['organizer', 'admin']

/** The cases and station pages (issue 14, part A). More areas come from areas.ts. */
const caseMenu: MenuItem[] = [
  { path: '/dashboard', title: '工作概览', roles: OFFICE },
  { path: '/cases', title: '留言办理', roles: ALL },
  { path: '/stats', title: '统计分析', roles: OFFICE },
  { path: '/deputies', title: '代表与值班', roles: ALL },
  { path: '/posters', title: '二维码海报', roles: ALL },
  { path: '/binding-codes', title: '绑定码', roles: ALL },
]

export const menu: MenuItem[] = [...caseMenu, ...areaMenu]

export const menuFor = (role: Role) => menu.filter((m) => m.roles.includes(role))

/** Where each role starts: a handling unit's staff on the suggestions assigned to them, the only page they have. */
export const homeOf = (role: Role) => (role === 'unit_staff' ? '/unit/suggestions' : role === 'station_staff' ? '/cases' : '/dashboard')

/**
 * Whether a role may open a page: the menu entry that covers the path (the longest prefix)
 * must list the role. A typed or bookmarked address of a page the menu hides would only show
 * 403s, so the router sends the person home instead. Paths no entry covers are open to all.
 */
export function mayOpen(role: Role, path: string): boolean {
  const covering = menu.filter((m) => path === m.path || path.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]
  return !covering || covering.roles.includes(role)
}
