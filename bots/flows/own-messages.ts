import { ApiError, isUnavailable, type CaseListItem } from '../client.js'
import { lines, noSuchMessage, oneLine, shortTicket, type Turn } from './turn.js'

/**
 * The resident's own messages as a rating or a 重新办理 names them: one found by its number or last four digits,
 * and the answers still waiting for her score, each with the number that finds it.
 */

/**
 * One of the person's own messages, however old (the backend looks the number up among all of hers, not
 * in the newest page the list shows), from the full number or its last four digits; null after saying why not.
 */
export async function ownCase(turn: Turn, ref: string): Promise<CaseListItem | null> {
  const named = await turn.client.casesNamed(turn.person.personId, ref)
  if (named.length === 1) return named[0]
  if (!named.length) turn.say(noSuchMessage(ref))
  // Numbers start again at 0001 each day: name the ones meant, so the whole number can be copied.
  else turn.say(lines(`有 ${named.length} 条留言以 ${ref} 结尾：`, ...named.slice(0, 5).map((c) => `· ${c.ticket} ${oneLine(c.excerpt)}`), '请发完整编号。'))
  return null
}

/** The full ticket of one of the person's own messages, as ownCase finds it; null after saying why not. */
export async function ownTicket(turn: Turn, ref: string): Promise<string | null> {
  return (await ownCase(turn, ref))?.ticket ?? null
}

/**
 * The person's answers still waiting for a rating besides `ticket`, and how to write each one's
 * number so that "评价 … 5" finds it: its last four digits, or the whole number when another of
 * their messages ends the same (numbers start again at 0001 every day).
 */
export async function othersWaiting(turn: Turn, ticket: string | null) {
  // The rating is stored: a list that cannot be read now only leaves the others unsaid. Not even with
  // the backend gone: the turn would be held and replayed, and the replayed rating refused as done.
  const mine = await turn.client.cases(turn.person.personId).catch((err: unknown) => {
    if (err instanceof ApiError || isUnavailable(err)) return []
    throw err
  })
  const refOf = (t: string) => {
    const listed = mine.find((c) => c.ticket === t)
    // The backend's, among all her messages however old.
    if (listed?.ref) return listed.ref
    // Older than her newest: whether another of hers ends alike is not known here, and the whole number is never wrong.
    if (!listed) return t
    const short = shortTicket(t)
    return mine.some((c) => c.ticket !== t && c.ticket.endsWith(`-${short}`)) ? t : short
  }
  return { waiting: mine.filter((c) => c.status === 'replied' && c.ticket !== ticket), refOf }
}
