import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * Review 36, finding 6: 我的信息 invites her to take her phone off every message, and taking it away is her right; it
 * was limited to five a day together with changes, and a mistyped number used one up. Now a number that is refused as
 * mistyped costs nothing, removals have an allowance of their own (all her messages in one sitting), and changes keep
 * their five a day.
 */
describe('taking her phones away is not held to the five changes a day', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('after a mistyped number she removes the phone from all her six messages, and may still change one five times', async () => {
    const her = await asResident(app, 'o-six-phones')
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      const made = await her.post('/api/mp/cases', { text: `第${i + 1}件事：小区路灯坏了需要修理`, regionId: 'c010101', phone: '13900139000' })
      expect(made.status, JSON.stringify(made.body)).to.equal(201)
      ids.push(made.body.id)
    }
    const typo = await her.put(`/api/mp/me/cases/${ids[0]}/phone`, { phone: '123' })
    expect(typo.status).to.equal(400)
    expect(typo.body.error.code).to.equal('validation_failed')

    for (let i = 0; i < 5; i++) {
      const changed = await her.put(`/api/mp/me/cases/${ids[0]}/phone`, { phone: `1390013900${i}` })
      expect(changed.status, `change ${i + 1}: ${JSON.stringify(changed.body)}`).to.equal(200)
    }
    const sixth = await her.put(`/api/mp/me/cases/${ids[0]}/phone`, { phone: '13900139009' })
    expect(sixth.status).to.equal(429)
    expect(sixth.body.error.message).to.equal('今天改电话的次数太多了，这次没有改。请明天再试，或者联系联络站。')

    for (const id of ids) {
      const removed = await her.put(`/api/mp/me/cases/${id}/phone`, { phone: null })
      expect(removed.status, JSON.stringify(removed.body)).to.equal(200)
      expect(removed.body.message).to.match(/^已删除留言 \d{8}-\d{4} 里的电话。$/)
    }
    expect((await her.get('/api/mp/me/kept')).body.phones).to.deep.equal([])
  })

  it('a change refused (not her message) does not use up one of her five', async () => {
    const her = await asResident(app, 'o-refused-change')
    const other = await asResident(app, 'o-someone-else')
    const theirs = (await other.post('/api/mp/cases', { text: '楼道里堆满了杂物', regionId: 'c010101', phone: '13700137000' })).body.id as string
    for (let i = 0; i < 5; i++) expect((await her.put(`/api/mp/me/cases/${theirs}/phone`, { phone: '13900139000' })).status).to.equal(404)
    const own = await her.put('/api/mp/me/phone', { phone: '13900139001' })
    expect(own.status, JSON.stringify(own.body)).to.equal(200)
  })
})
