import type { CaseListItem, LiaisonClient, Person } from '../client.js'
import type { Command } from '../commands.js'
import { isNod } from '../short-answers.js'
import type { DialogueState } from './dialogue-state.js'

/**
 * One incoming message being answered. Handlers change `state` and queue answers with
 * say(); the caller saves the state first and only then sends, so a message retried
 * after an outage is answered once.
 */
export interface Turn {
  readonly contactId: string
  readonly person: Person
  readonly command: Command
  /** What the person typed, trimmed (case text keeps their own characters); a quote's own words only. */
  readonly raw: string
  /** The message they quoted (WeChat 引用), when they answered one: a deputy quoting a notice answers its case. */
  readonly quoted?: string | null
  readonly now: number
  /** The contact's WeChat name, as WeChat gives it (a resident joining her chat is asked about it in the mini-program). */
  readonly name?: string
  readonly client: LiaisonClient
  state: DialogueState
  say(text: string): void
}

/**
 * Yes to a question of two numbered answers whose 1 is yes ("1. 是，…"): "1", a confirm word ("确认", "好的", "是的", "对"),
 * or a nod ("嗯", "嗯嗯"), as people answer any yes-question in a chat.
 */
export const saysYes = (turn: Pick<Turn, 'command' | 'raw'>) =>
  (turn.command.kind === 'number' && turn.command.value === 1) || turn.command.kind === 'confirm' || isNod(turn.raw)

/** A conversation: handles the turn and returns true, or returns false when it is not its business. */
export type Conversation = (turn: Turn) => Promise<boolean>

/** Joins lines; '' is a blank line, and false/null/undefined leave a line out. */
export const lines = (...parts: Array<string | false | null | undefined>) => parts.filter((p): p is string => typeof p === 'string').join('\n')

/** What a resident types for a ticket: its last four digits (20261122-0042 → 0042), the whole number past 9999 a day. */
export const shortTicket = (ticket: string) => (/-\d{4}$/.test(ticket) ? ticket.slice(-4) : ticket)

/**
 * When the answer is due, as she reads it ("代表会在12月22日前（含当日）答复您。": the date text ends in 前 already).
 * While her message waits for station staff to find a deputy (`submitted`), no deputy has it yet, so none is
 * promised: "会在…答复您。" follows the line saying the station will ask one.
 */
export const answerByLine = (replyByText: string, status?: string) => `${status === 'submitted' ? '' : '代表'}会在${replyByText}答复您。`

/** What she hears for a number that names none of her messages (another person's says the same: nothing of theirs is shown). */
export const noSuchMessage = (ref: string) => `没有找到编号为 ${ref} 的留言。请核对编号，发送"查询"可以看您最近的留言。`

/** One line for lists: an excerpt with its line breaks flattened. */
export const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()

/** Her messages as "查询" lists them, the first five: number (or a dot), ticket, where it stands, first words. */
export const caseLines = (items: Array<Pick<CaseListItem, 'ticket' | 'statusLabel' | 'excerpt'>>, mark: 'numbered' | 'dotted' = 'numbered') =>
  items.slice(0, 5).map((c, i) => `${mark === 'numbered' ? `${i + 1}.` : '·'} ${c.ticket}【${c.statusLabel}】${oneLine(c.excerpt)}`)

export const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n')

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const partsOf = (iso: string) => Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))

/** "11月30日" in the business time zone (Asia/Shanghai). */
export const day = (iso: string) => {
  const p = partsOf(iso)
  return `${Number(p.month)}月${Number(p.day)}日`
}
/** "11月22日 10:05", "12月7日 9:05": the hour as people write it, no leading zero (as every other time she reads). */
export const dayTime = (iso: string) => {
  const p = partsOf(iso)
  return `${Number(p.month)}月${Number(p.day)}日 ${Number(p.hour) % 24}:${p.minute}`
}
