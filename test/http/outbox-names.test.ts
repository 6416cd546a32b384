import { randomUUID } from 'node:crypto'
import { expect } from 'chai'
import type { RecipientKind } from '../../src/store/ports.js'
import { caseCity } from '../fixtures.js'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'

/** The admin's outbox monitor names whom each message is for, never only an internal id. */
describe('the outbox monitor names the recipients', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const waiting = (recipientKind: RecipientKind, recipientId: string) => {
    const now = app.clock.now()
    const id = randomUUID()
    return {
      id,
      channel: 'auto',
      recipientKind,
      recipientId,
      kind: 'case.assigned',
      payload: { text: `给 ${recipientId}` },
      dedupeKey: `names:${id}`,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
    }
  }

  it('says 张伟代表, 工作人员 李娜, the station, the district office and 群众 beside each message', async () => {
    await app.liaison.store.outbox.enqueue([
      waiting('deputy', 'dp0001'),
      waiting('staff', 'sf01'),
      waiting('station', 'st001'),
      waiting('office', 'd01'),
      waiting('office', 'city'),
      waiting('mp_user', 'u-1'),
      waiting('deputy', 'dp9999'),
    ])
    const answer = await (await asAdmin(app)).get('/api/admin/outbox?status=pending')
    expect(answer.status).to.equal(200)
    const named = Object.fromEntries(answer.body.items.map((m: { text: string; recipientName: string }) => [m.text, m.recipientName]))
    const station = (await app.liaison.store.stations.get('st001'))!.name
    expect(named).to.deep.equal({
      '给 dp0001': '张伟代表',
      '给 sf01': '工作人员 李娜',
      '给 st001': station,
      '给 d01': '湛河区人大常委会办公室',
      '给 city': '市人大常委会办公室',
      '给 u-1': '群众',
      '给 dp9999': '代表 dp9999',
    })
  })
})
