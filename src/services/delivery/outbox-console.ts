import { recipientNames } from './recipient-names.js'
import type { Clock } from '../../clock.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import { SUPERSEDED_REASON } from '../../domain/message-truth.js'
import type { OutboxMessage, OutboxQuery, OutboxStatus, Store } from '../../store/ports.js'
import { keptAfterOffice } from './superseded.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

/**
 * What the console lists by: a message's status, or `dropped` (不用再发) for the dead messages dropped on
 * purpose (later news made them untrue), which `dead` (发送失败) then leaves out: they are no failure.
 */
export type OutboxListStatus = OutboxStatus | 'dropped'

/** Why pressing 重新发送 cannot bring a message to anyone, or null when it may. */
function noRetryReason(m: Pick<OutboxMessage, 'status' | 'lastError' | 'recipientKind' | 'recipientId' | 'kind'>, departed: ReadonlySet<string>) {
  if (m.status !== 'dead') return null
  // Sent again, it would be dropped again at once for the same reason.
  if (m.lastError?.startsWith(SUPERSEDED_REASON)) return { code: 'not_needed', words: '这条消息已被后来的变化取代，不需要再发送' }
  if (m.recipientKind === 'deputy' && departed.has(m.recipientId) && !keptAfterOffice(m.kind))
    return { code: 'recipient_left_office', words: '收件人已不再担任人大代表，这条消息不需要再发送' }
  return null
}

/** The console's view of the outbox (admins): what waits, what was sent, what died; a dead message tried again. */
export class OutboxConsole {
  constructor(
    private readonly store: Pick<Store, 'outbox' | 'deputies' | 'staff' | 'stations' | 'regions'>,
    private readonly clock: Clock,
    /** Names offices as the rest of the console does (the installation's own office name). */
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
  ) {}

  /**
   * The counts per status (`dead` the failures only, `dropped` those dropped on purpose) and per channel,
   * and one page of messages, each with whether 重新发送 can do anything (`retryable`).
   */
  async overview(query: Omit<OutboxQuery, 'status' | 'dropped'> & { status?: OutboxListStatus }) {
    const { status, ...rest } = query
    const filter: OutboxQuery =
      status === 'dropped' ? { ...rest, status: 'dead', dropped: true } : status === 'dead' ? { ...rest, status, dropped: false } : { ...rest, status }
    const [byStatus, dropped, byChannel, page] = await Promise.all([
      this.store.outbox.countsByStatus(),
      this.store.outbox.countDropped(),
      this.store.outbox.countsByChannel(),
      this.store.outbox.search(filter),
    ])
    const counts: Record<OutboxListStatus, number> = { ...byStatus, dead: byStatus.dead - dropped, dropped }
    const departed = await this.departed(page.items)
    const retryable = new Set(page.items.filter((m) => m.status === 'dead' && !noRetryReason(m, departed)).map((m) => m.id))
    return { counts, byChannel, page, names: await recipientNames(this.store, page.items, await this.directory.prepared()), retryable }
  }

  /** Sends a dead message again; only a dead one that can still reach someone may be (409 says why not). */
  async retry(id: string): Promise<{ message: OutboxMessage; names: Map<string, string> }> {
    const before = await this.store.outbox.get(id)
    if (!before) throw new NotFoundError('消息不存在')
    const refused = noRetryReason(before, await this.departed([before]))
    if (refused) throw new ConflictError(refused.words, [{ path: 'status', message: before.lastError ?? before.status }], refused.code)
    if (!(await this.store.outbox.retryDead(id, this.clock.now()))) {
      const m = await this.store.outbox.get(id)
      if (!m) throw new NotFoundError('消息不存在')
      throw new ConflictError('只有未能送达的消息可以重新发送', [{ path: 'status', message: m.status }], 'not_dead')
    }
    const m = (await this.store.outbox.get(id))!
    return { message: m, names: await recipientNames(this.store, [m], await this.directory.prepared()) }
  }

  /** The deputies among the dead messages' recipients who have left office since. */
  private async departed(messages: OutboxMessage[]): Promise<Set<string>> {
    const ids = [...new Set(messages.filter((m) => m.status === 'dead' && m.recipientKind === 'deputy').map((m) => m.recipientId))]
    const deputies = await Promise.all(ids.map((id) => this.store.deputies.get(id)))
    return new Set(ids.filter((_, i) => deputies[i] && deputies[i]!.active === false))
  }
}
