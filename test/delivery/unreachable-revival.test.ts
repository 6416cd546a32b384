import { expect } from 'chai'
import { noWayWords } from '../../src/services/delivery/channels.js'
import { reviveUnreachable } from '../../src/services/delivery/unreachable-revival.js'
import { timeOrderedUuid } from '../../src/ids.js'
import { createSqliteStore } from '../../src/store/sqlite/index.js'
import type { Store } from '../../src/store/ports.js'
import { outboxMessage } from '../store/records.js'

const NOW = new Date('2026-12-05T02:00:00Z')
const DAY = 86_400_000

/**
 * A deputy unbound for months has hundreds of notices marked 未能送达, oldest listed first. When he binds,
 * this week's must still reach him: the ones behind the old ones are read too.
 */
describe('reviving notices when a deputy binds', () => {
  let store: Store
  beforeEach(() => {
    store = createSqliteStore(':memory:')
  })
  afterEach(async () => store.close())

  const dead = (key: string, createdAt: Date, lastError = noWayWords('deputy', false)) =>
    outboxMessage(key, { id: timeOrderedUuid(), status: 'dead', lastError, createdAt, nextAttemptAt: createdAt })

  it("puts back this week's notices behind 300 older ones, and none of the old ones or those WeChat refused", async () => {
    const old = Array.from({ length: 300 }, (_, i) => dead(`old-${i}`, new Date(NOW.getTime() - 60 * DAY + i * 60_000)))
    const refused = dead('refused', new Date(NOW.getTime() - DAY), '未能送达：微信拒收，用户拒绝接受消息')
    const recent = dead('recent', new Date(NOW.getTime() - 2 * DAY))
    await store.outbox.enqueue([...old, refused, recent])

    expect(await reviveUnreachable(store, 'dp0001', NOW, 7)).to.equal(1)
    const [after] = await store.outbox.byDedupeKeys(['recent'])
    expect(after.status, 'this week’s notice waits to be sent').to.equal('pending')
    expect((await store.outbox.byDedupeKeys(['refused']))[0].status).to.equal('dead')
    expect((await store.outbox.countsByStatus()).dead).to.equal(301)
    expect(NOW.getTime() - 7 * DAY).to.be.greaterThan(old[299].createdAt.getTime())
  })
})
