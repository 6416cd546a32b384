import type { Role } from './session'

// Who may do what, for pages and words that must agree with the menu without importing it (menu.ts imports every
// area, and through them every view: a view importing the menu back would close a cycle).

/** Who keeps the list of handling units (承办单位): the menu's /units entry, and the pickers that send them there. */
export const UNIT_KEEPERS: readonly Role[] = ['admin']
