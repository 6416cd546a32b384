import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { caseCity } from '../fixtures.js'

/** An answer of 201 means the message is on disk: losing the store right after loses nothing. */
describe('an accepted message is never lost', function () {
  this.timeout(30_000)
  const file = storeFileForEachTest()

  it('keeps every case answered 201 when the store connection is cut between requests', async () => {
    let app = await file.start({ directory: caseCity() })
    const resident = await asResident(app, 'o-durable')
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => resident.post('/api/mp/cases', { text: `第 ${i} 条：路灯不亮`, regionId: 'c010101' })),
    )
    const accepted = answers.filter((a) => a.status === 201).map((a) => a.body.ticket as string)
    expect(accepted).to.have.length(30)

    await app.liaison.store.close() // the connection is gone; the server still answers
    const during = await resident.post('/api/mp/cases', { text: '断开时提交', regionId: 'c010101' })
    expect(during.status, 'not accepted, and says so').to.equal(503)
    expect(during.body.error.code).to.equal('store_unavailable')
    await app.close().catch(() => {})

    app = await file.start()
    const again = await asResident(app, 'o-durable')
    const stored: string[] = []
    let cursor: string | null = null
    do {
      const page: { body: { items: Array<{ ticket: string }>; nextCursor: string | null } } = await again.get(
        `/api/mp/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      )
      stored.push(...page.body.items.map((c) => c.ticket))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(stored.sort()).to.deep.equal(accepted.sort())
  })
})
