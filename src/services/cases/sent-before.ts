import { OPEN_STATUSES, type CaseRecord } from '../../domain/case.js'
import { dayTextFrom, localDate } from '../../domain/dates.js'
import { sameMessage, saidIn, type SaidMessage } from '../../domain/same-message.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { PreparedDirectory } from '../directory/directory-cache.js'

/**
 * Her own message, still open (not closed, withdrawn or refused), that `said` says again about the same place
 * (same-message.ts), newest first; null when none. The message kept under `idempotencyKey` is not one: that is this very
 * request again, its answer lost, and it is answered with that message (CaseSubmitter.answerEarlier), never asked about.
 */
export async function openMessageSaying(
  store: Pick<Store, 'cases'>,
  residentId: string,
  said: SaidMessage,
  idempotencyKey: string | null,
): Promise<CaseRecord | null> {
  let cursor: string | null = null
  do {
    const page = await store.cases.search({ residentId, statuses: [...OPEN_STATUSES], limit: 100, cursor })
    const found = page.items.find((c) => (idempotencyKey === null || c.idempotencyKey !== idempotencyKey) && sameMessage(said, saidIn(c)))
    if (found) return found
    cursor = page.nextCursor
  } while (cursor)
  return null
}

/** Who has her message now, as she would say it: "张伟代表正在办理". */
function holderWords(c: CaseRecord, prepared: PreparedDirectory): string {
  const deputy = c.deputyId ? prepared.deputies.get(c.deputyId)?.name : null
  if (deputy) return c.status === 'replied' ? `${deputy}代表已经答复了` : `${deputy}代表正在办理`
  if (c.deputyId) return c.status === 'replied' ? '代表已经答复了' : '代表正在办理'
  const station = c.stationId ? prepared.stations.get(c.stationId)?.name : null
  return station ? `${station}正在安排代表办理` : '工作人员正在安排代表办理'
}

/**
 * 409 same_message_open: she already sent these words and that message is still being handled. Asked, not refused
 * for good: she may send it again (`sendAgain`). The details name the message, so a page can open it, and say how it
 * stands, so the chat can word its own question. One answered and waiting for her score is not done with either: a
 * low score asks for it to be handled again (重新办理), which she is told, in the words the mini-program's message page
 * and the chat's score question use, as the other way.
 */
export function sentBeforeError(c: CaseRecord, prepared: PreparedDirectory, rules: { timeZone: string; reopenMaxRating: number }, now: Date): ConflictError {
  const day = dayTextFrom(localDate(c.createdAt, rules.timeZone), localDate(now, rules.timeZone))
  const holder = holderWords(c, prepared)
  const instead = c.status === 'replied' ? `问题还没解决的话，不用再送：给那条的答复打 ${lowScores(rules.reopenMaxRating)}，就可以申请重新办理。` : ''
  return new ConflictError(
    `您${day}已经送出过同样的留言（编号${c.ticket}），${holder}。${instead}还要再送一条吗？`,
    [
      { path: 'case.id', message: c.id },
      { path: 'case.ticket', message: c.ticket },
      { path: 'case.sentOn', message: day },
      { path: 'case.holder', message: holder },
      // 'replied': answered and waiting for her score. The chat offers that score as a choice of its own, its "1"
      // beside "回复 1 再送一条" no score (bots/flows/sent-before.ts).
      { path: 'case.status', message: c.status },
    ],
    'same_message_open',
  )
}

/** The scores that may ask for 重新办理, as the chat's score question says them (bots/flows/rating-scale.ts): "1 分或 2 分". */
function lowScores(max: number): string {
  if (max <= 1) return '1 分'
  if (max === 2) return '1 分或 2 分'
  return `1 到 ${Math.min(max, 5)} 分`
}
