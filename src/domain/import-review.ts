/**
 * What a clerk is told after a roster import about the people it changed or left out, in her words: who
 * moved from which station to which and what he still holds, who is no longer in the file and what happens
 * to them, and where in the console to act ("名册 → 代表", "账号与角色"). Pure: the import gathers the facts.
 */
import { STAFF_ROLE_WORDS } from './audit-words.js'
import { dayText, monthDayText } from './dates.js'

/** The console pages an import's report sends the clerk to, by the menu's own names. */
export const DEPUTIES_PAGE = '「名册 → 代表」'
export const ACCOUNTS_PAGE = '「账号与角色」'

/** A deputy whose stations the import changed, and what that means for his work. */
export interface DeputyMove {
  id: string
  code: string
  name: string
  /** Station names before and after, in his order. */
  from: string[]
  to: string[]
  /** Open messages still in his hands at stations he left: they stay his, followed by that station's staff. */
  held: Array<{ station: string; count: number }>
  /** Meetings ahead at what is no longer his, now marked 已调到… on their lists (their titles). */
  meetingsLeft: string[]
  /** Meetings ahead of the stations he came to that invite their deputies, whose lists now hold him (their titles). */
  meetingsJoined?: string[]
  /** Whether reception duty he sat at a station he left is kept as its history (and his record). */
  dutyKept: boolean
}

/** "周建国（WT001）：梧桐街道代表联络站 → 桂花镇代表联络站。手上还有…". */
export function deputyMoveText(m: DeputyMove): string {
  const parts = [`${m.name}（${m.code}）：${m.from.join('、') || '（无）'} → ${m.to.join('、') || '（无）'}`]
  if (m.held.length)
    for (const h of m.held)
      parts.push(
        `手上还有${h.station}的 ${h.count} 条未办结留言，仍由本人办理，由${h.station}的工作人员继续跟进；如要改由别的代表办理，请${h.station}的工作人员重新分派`,
      )
  else parts.push('手上没有原联络站未办结的留言')
  if (m.meetingsLeft.length)
    parts.push(`${m.meetingsLeft.map((t) => `“${t}”`).join('、')}的参会名单上已标为“已调到${m.to.join('、')}”，不再提醒本人，也不计入人数`)
  if (m.meetingsJoined?.length) parts.push(`已加入${m.meetingsJoined.map((t) => `“${t}”`).join('、')}的参会名单，会议通知已发给本人`)
  if (m.dutyKept) parts.push('以前在原联络站的接待值班记录照旧保留，今后的值班日期已取消')
  return `${parts.join('。')}。`
}

/**
 * A deputy in office the file leaves out: kept as he is, and what 设为离任 would do with his messages. `unstaffed`: the
 * stations where he holds messages and no clerk's account is in service, whose office would be told of them instead.
 * `sameNameAs`: a new deputy of the file with his name, likely his code mistyped: checked before he is retired.
 */
export function deputyLeftOutText(d: {
  name: string
  code: string
  openCases: number
  unstaffed?: string[]
  sameNameAs?: { name: string; code: string }
}): string {
  const unstaffed = d.unstaffed?.length ? `（${d.unstaffed.join('、')}没有在用的工作人员账号，那里的留言会告知人大办分派）` : ''
  const held = d.openCases
    ? `手上还有 ${d.openCases} 条未办结留言，仍由本人办理；设为离任后，这些留言会退回联络站，由工作人员重新分派${unstaffed}，群众的答复期限不变`
    : '手上没有未办结的留言'
  const act = d.sameNameAs
    ? `这次名册里有同名的新代表 ${d.sameNameAs.name}（${d.sameNameAs.code}），请先核对是不是代码写错了，不要急着设为离任；核对后确已离任的，再到${DEPUTIES_PAGE}中设为离任`
    : `如已离任，请在${DEPUTIES_PAGE}中设为离任`
  return `${d.name}（${d.code}）：仍是在任代表，没有改动。${held}。${act}`
}

/** A console account the staff sheet leaves out: it stays able to log in until someone turns it off. */
export function staffLeftOutText(s: { name: string; username: string; role: string }): string {
  return `${s.name}（账号 ${s.username}，${STAFF_ROLE_WORDS[s.role] ?? s.role}）：账号仍可登录，能看到原来负责的留言和电话。如已离岗，请在${ACCOUNTS_PAGE}中停用`
}

/** The one line of the report's warnings for deputies left out (the API's and the command line's). */
export function deputiesNotInFileWarning(count: number, names: string[]): string {
  return `${count} 名在任代表不在导入文件中，已保留未改动：${names.join('、')}${count > names.length ? ' 等' : ''}。如已离任，请在${DEPUTIES_PAGE}中设为离任，名下未办结的留言会退回联络站重新分派`
}

/** The same for console accounts left out of a staff sheet. */
export function staffNotInFileWarning(count: number, names: string[]): string {
  return `${count} 名工作人员不在工作人员名册中，账号仍可登录：${names.join('、')}${count > names.length ? ' 等' : ''}。如已离岗，请在${ACCOUNTS_PAGE}中停用`
}

/** The report's line for deputies whose stations changed. */
export function movesWarning(moves: DeputyMove[]): string {
  const names = moves.slice(0, 10).map((m) => `${m.name}（${m.from.join('、')} → ${m.to.join('、')}）`)
  return `${moves.length} 位代表调整了所属联络站：${names.join('；')}${moves.length > 10 ? ' 等' : ''}`
}

/** A deputy's days gone by at a station that the file gave otherwise: kept as recorded (duty-after-import.ts). */
export interface PastDutyKeptNote {
  id: string
  code: string
  name: string
  /** The station's name. */
  station: string
  /** Days in the file he never sat: not recorded. */
  added: string[]
  /** Days he sat that the file leaves out: still recorded. */
  dropped: string[]
}

/** "张伟（DP0001）在轻工街道代表联络站：名册里新填的11月20日没有记上；名册里没有的11月18日仍然保留". */
export function pastDutyKeptText(k: PastDutyKeptNote, today: string): string {
  // A day of another year says its year: "12月1日" read in January would mean the wrong one.
  const words = (dates: string[]) => dates.map((d) => (d.slice(0, 4) === today.slice(0, 4) ? monthDayText(d) : dayText(d))).join('、')
  const parts = [...(k.added.length ? [`名册里新填的${words(k.added)}没有记上`] : []), ...(k.dropped.length ? [`名册里没有的${words(k.dropped)}仍然保留`] : [])]
  return `${k.name}（${k.code}）在${k.station}：${parts.join('；')}`
}

/** The report's line for deputies whose days gone by the file gave otherwise (`texts`: pastDutyKeptText, first ones). */
export function pastDutyKeptWarning(deputies: number, texts: string[], more: boolean): string {
  return `${deputies} 位代表已经过去的值班日期和名册里填的不一样，过去的值班记录不能通过导入修改，已按原来的记录保留（今天及以后的值班日期已按名册更新）：${texts.join('。')}${more ? ' 等' : ''}`
}
