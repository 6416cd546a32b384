/**
 * The people a roster import left out, as the report lists them (LeftOutList.vue): one short line each, who they are
 * and what differs between them (messages still in a deputy's hands), since what to do is said once above the list.
 * The server's `text` repeats that for every person; the API and the command line keep it.
 */
import { ROLE_LABELS, type Role } from '../../session'

/** A person on the list: `key` names the line for tests (a deputy's code, an account's user name). */
export interface LeftOutPerson {
  id: string
  key: string
  name: string
  label: string
  /** What sets this one apart, after the name ("手上还有 2 条未办结留言"); empty when nothing does. */
  note: string
}

export interface LeftOutDeputy extends LeftOutPerson {
  code: string
  openCases: number
}

export interface LeftOutAccount extends LeftOutPerson {
  username: string
}

export const leftOutDeputy = (d: { id: string; code: string; name: string; openCases?: number }): LeftOutDeputy => ({
  id: d.id,
  key: d.code,
  name: d.name,
  code: d.code,
  openCases: d.openCases ?? 0,
  label: `${d.name}（${d.code}）`,
  note: d.openCases ? `手上还有 ${d.openCases} 条未办结留言` : '',
})

export const leftOutAccount = (s: { id: string; username: string; name: string; role: string }): LeftOutAccount => ({
  id: s.id,
  key: s.username,
  name: s.name,
  username: s.username,
  label: `${s.name}（账号 ${s.username}${s.role in ROLE_LABELS ? `，${ROLE_LABELS[s.role as Role]}` : ''}）`,
  note: '',
})
