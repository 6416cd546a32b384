import { recipientNames } from './recipient-names.js'
import type { Clock } from '../../clock.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { OutboxMessage, OutboxQuery, Store } from '../../store/ports.js'

/** The console's view of the outbox (admins): what waits, what was sent, what died; a dead message tried again. */
export class OutboxConsole {
  constructor(
    private readonly store: Pick<Store, 'outbox' | 'deputies' | 'staff' | 'stations' | 'regions'>,
    private readonly clock: Clock,
  ) {}

  /** The counts per status and per channel, and one page of messages. */
  async overview(query: OutboxQuery) {
    const [counts, byChannel, page] = await Promise.all([
      this.store.outbox.countsByStatus(),
      this.store.outbox.countsByChannel(),
      this.store.outbox.search(query),
    ])
    return { counts, byChannel, page, names: await recipientNames(this.store, page.items) }
  }

  /** Sends a dead message again; only dead ones may be. */
  async retry(id: string): Promise<{ message: OutboxMessage; names: Map<string, string> }> {
    if (!(await this.store.outbox.retryDead(id, this.clock.now()))) {
      const m = await this.store.outbox.get(id)
      if (!m) throw new NotFoundError('消息不存在')
      throw new ConflictError('只有发送失败的消息可以重试', [{ path: 'status', message: m.status }], 'not_dead')
    }
    const m = (await this.store.outbox.get(id))!
    return { message: m, names: await recipientNames(this.store, [m]) }
  }
}
