import { OPEN_STATUSES, type CaseRecord } from '../../domain/case.js'
import { dayTextFrom, localDate } from '../../domain/dates.js'
import { saysAgain } from '../../domain/same-message.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { PreparedDirectory } from '../directory/directory-cache.js'

/**
 * Her own message, still open (not closed, withdrawn or refused), that `text` says again (same-message.ts), newest
 * first; null when none. The message kept under `idempotencyKey` is not one: that is this very request again, its
 * answer lost, and it is answered with that message (CaseSubmitter.answerEarlier), never asked about.
 */
export async function openMessageSaying(
  store: Pick<Store, 'cases'>,
  residentId: string,
  text: string,
  idempotencyKey: string | null,
): Promise<CaseRecord | null> {
  let cursor: string | null = null
  do {
    const page = await store.cases.search({ residentId, statuses: [...OPEN_STATUSES], limit: 100, cursor })
    const found = page.items.find((c) => (idempotencyKey === null || c.idempotencyKey !== idempotencyKey) && saysAgain(text, c.text))
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
 * for good: she may send it again (`sendAgain`). The details name the message, so a page can open it.
 */
export function sentBeforeError(c: CaseRecord, prepared: PreparedDirectory, timeZone: string, now: Date): ConflictError {
  const day = dayTextFrom(localDate(c.createdAt, timeZone), localDate(now, timeZone))
  const holder = holderWords(c, prepared)
  return new ConflictError(
    `您${day}已经送出过同样的留言（编号${c.ticket}），${holder}。还要再送一条吗？`,
    [
      { path: 'case.id', message: c.id },
      { path: 'case.ticket', message: c.ticket },
      { path: 'case.sentOn', message: day },
      { path: 'case.holder', message: holder },
    ],
    'same_message_open',
  )
}
