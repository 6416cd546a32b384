import type { Role } from './session'

/** One entry of the side menu: who sees it is decided here, what they may do by the server. */
export interface MenuItem {
  path: string
  title: string
  roles: Role[]
  /**
   * Entries with the same group are shown under one heading. A heading never contains an entry's
   * title (名册 is under 基础信息): a clerk reading "名册" twice would not know which to click.
   */
  group?: string
}
