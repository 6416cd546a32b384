import { UNIT_KEEPERS } from './access'
import { session } from './session'
import { when as spokenTime } from './views/kit/time'

/** Words the console shows for codes the API returns. The server's own labels win where it sends them. */
export const STATUS_OPTIONS = [
  { value: 'submitted', label: '待分派' },
  { value: 'assigned', label: '已分派' },
  { value: 'acknowledged', label: '已受理' },
  { value: 'forwarded', label: '已转交部门' },
  { value: 'replied', label: '已答复' },
  { value: 'reopened', label: '重新办理' },
  { value: 'closed', label: '已办结' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'rejected', label: '不予受理' },
]

/**
 * The inbox's status filter: the states, and 已合并办理 after 已办结 (the list shows a merged message so; the server takes
 * `status=merged`, and 已办结 then lists the closed ones not merged). Statistics filter by the states alone (STATUS_OPTIONS).
 */
export const INBOX_STATUS_OPTIONS = STATUS_OPTIONS.flatMap((o) => (o.value === 'closed' ? [o, { value: 'merged', label: '已合并办理' }] : [o]))

/**
 * The median days to reply, said as a clerk would ask it (not 中位数), with what the number is under the table: the
 * weekly report's download says the same (weekly-report-sheet.ts).
 */
export const DAYS_TO_REPLY = '一般几天答复'
export const DAYS_TO_REPLY_NOTE = '一般几天答复：一半的留言在这个天数内答复。'
/** Its figure in words: 0 (answered the day it came) read as "never answered", so 当天; else "3 天". Null stays the caller's "none". */
export const daysToReplyText = (days: number) => (days === 0 ? '当天' : `${days} 天`)

/**
 * Why a share answered in time reads 暂无 although messages came: none has been answered or reached its reply deadline.
 * 统计分析's figures and 工作概览's 办理情况 rows say it in these same words.
 */
export const NOT_DUE_YET = '还没有到期的留言'
/** "None yet" in words, where a figure has nothing to count: a bare "—" read as a figure missing or broken. */
export const NONE_YET = '暂无'
/**
 * Whether a share's 暂无 needs NOT_DUE_YET beside it: messages came (`total` of them) but none is answered or past its
 * deadline, so there is nothing to divide. Said so, a bare 暂无 beside a deputy does not read as "did nothing".
 */
export const notDueYet = (share: number | null, total: number) => share === null && total > 0

export const RATING_OPTIONS = [5, 4, 3, 2, 1].map((r) => ({ value: String(r), label: `${r} 分` }))

/** TDesign tag themes for the server's SLA tones: red only past the reply deadline (已超期), a late acknowledgement (未按时受理) a warning. */
export const SLA_THEME: Record<string, 'danger' | 'warning' | 'primary' | 'default'> = {
  overdue: 'danger',
  ack_late: 'warning',
  today: 'warning',
  soon: 'primary',
  ok: 'default',
}

/** "12月1日 9:30" in the business time zone (the year when not this one), as every console page says a time; '' for nothing. */
export const when = (iso: string | null | undefined) => (iso ? spokenTime(iso) : '')

/**
 * Whether the person reading may open the 承办单位 page, where units are added and turned back on:
 * only a role its menu entry lists (the admin; the server takes those writes from them alone). Words
 * that send someone there are for them; anyone else is told whom to ask, never sent to a page they
 * cannot find in their menu.
 */
const keepsUnits = () => !!session.staff && UNIT_KEEPERS.includes(session.staff.role)

/** A unit picker's words when no handling unit exists at all (not when a search finds none, nor when the list could not be read). */
export const noUnitsYet = () => (keepsUnits() ? '还没有承办单位。请先在“承办单位”里添加。' : '还没有承办单位。请联系系统管理员添加。')

/** A unit picker's words when units exist but every one is stopped (停用). */
export const allUnitsStopped = () => (keepsUnits() ? '承办单位都已停用。请先在“承办单位”里启用。' : '承办单位都已停用。请联系系统管理员启用。')
