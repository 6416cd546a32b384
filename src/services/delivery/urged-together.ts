import { DEPUTY_LOAD_STATUSES, type CaseRecord } from '../../domain/case.js'
import { DEPUTY_IN_HAND_MAX } from '../../domain/ticket-refs.js'
import { caseMessageHolds, SUPERSEDED_REASON } from '../../domain/message-truth.js'
import { urgedTogetherCard, urgedTogetherText } from '../../domain/urge-together.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { outboxMessage } from './outbox-message.js'

/** What 一起催办's notice to one deputy carries beside its words (CaseUrging.noticeOf). */
interface UrgedTogetherPayload {
  /** The messages it urges, in the order it names them. */
  caseIds: string[]
  deputyName: string
  staffName: string
  /** Her note as the notice quotes it ("附言：…", masked and cut), or ''. */
  words: string
}

/** The tickets of the messages a deputy holds: a notice's short numbers are read among them, as his 待办 and the bot read them. */
export async function inHandTickets(store: Pick<Store, 'cases'>, deputyId: string): Promise<string[]> {
  const page = await store.cases.search({ deputyId, statuses: [...DEPUTY_LOAD_STATUSES], limit: DEPUTY_IN_HAND_MAX })
  return page.items.map((c) => c.ticket)
}

/**
 * 一起催办's notice names several of one deputy's messages, and any of them may be answered, handed on or merged
 * between the office's confirm and the notice going out (held overnight by quiet hours, waiting for his next
 * subscription, or for the bot to log in again). Checked just before it goes: when none of them still waits on him it
 * is not sent; when only some do, it is replaced by a notice naming only those (written now, checked again when it
 * goes), so that he is never urged on a message he has answered. Why this message does not go, or null when it does.
 */
export async function urgedTogetherOutdated(store: Pick<Store, 'cases' | 'outbox'>, m: OutboxMessage, now: Date, timeZone: string): Promise<string | null> {
  const p = m.payload as Partial<UrgedTogetherPayload>
  if (m.kind !== 'case.urged' || m.recipientKind !== 'deputy' || !Array.isArray(p.caseIds) || !p.caseIds.length) return null
  const recipient = { kind: m.recipientKind, id: m.recipientId }
  const cases = await Promise.all(p.caseIds.map((id) => store.cases.get(id)))
  const waiting = cases.filter((c): c is CaseRecord => !!c && caseMessageHolds('case.urged', recipient, c))
  const urged = p.caseIds.length
  if (waiting.length === urged) return null
  if (!waiting.length) return `${SUPERSEDED_REASON}（催办的 ${urged} 条留言都已答复、办结或不再由这位代表办理，不用再催办）`
  // Written before the names were kept with it: it cannot be said again, and what still waits on him is worth the urge.
  if (typeof p.deputyName !== 'string' || typeof p.staffName !== 'string') return null
  await store.outbox.enqueue([narrowed(m, p as UrgedTogetherPayload, waiting, { now, timeZone }, await inHandTickets(store, m.recipientId))])
  return `${SUPERSEDED_REASON}（催办的 ${urged} 条留言中有 ${urged - waiting.length} 条已答复、办结或不再由这位代表办理，已改为只催办其余 ${waiting.length} 条）`
}

/**
 * The notice again, naming only the messages still waiting on him, in the words it was written with (who urged, her
 * note) and their deadlines as they stand now. One left is named as the case it is about (caseId), so that its card
 * opens that message and it is dropped as a single 催办 is once he answers it. Keyed after the one it replaces: a round
 * that stopped after writing it writes nothing twice.
 */
function narrowed(
  m: OutboxMessage,
  p: UrgedTogetherPayload,
  waiting: CaseRecord[],
  { now, timeZone }: { now: Date; timeZone: string },
  inHand: string[],
): OutboxMessage {
  const one = waiting.length === 1 ? { caseId: waiting[0]!.id, ticket: waiting[0]!.ticket } : {}
  return outboxMessage({
    to: { kind: m.recipientKind, id: m.recipientId },
    kind: m.kind,
    payload: {
      ...one,
      caseIds: waiting.map((c) => c.id),
      tickets: waiting.map((c) => c.ticket),
      text: urgedTogetherText(waiting, { deputy: p.deputyName, staff: p.staffName }, now, timeZone, p.words ?? '', inHand),
      cardText: urgedTogetherCard(waiting.length),
      deputyName: p.deputyName,
      staffName: p.staffName,
      words: p.words ?? '',
    },
    dedupeKey: `${m.dedupeKey}:still:${waiting.length}`,
    at: now,
  })
}
