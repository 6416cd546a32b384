import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { buildStoredCases } from '../test/factories.js'
import { caseEvent } from '../test/store/records.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

const MINUTE = 60_000

/**
 * Review 38, finding 13. A message 张伟 handed on himself and opened again later (an old notice) says so, with the way
 * to 我转出的留言. The page used to learn it by reading his 100 latest handed-on messages and looking for this one: for
 * a deputy who had handed on 100 since, the way was not shown, and every such opening downloaded the hundred. The
 * refusal now says whose move it was, and the page shows the way from that alone.
 */
describe('mini-program: a deputy who has handed on many finds his list from an old one', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('the 101st message he handed on still shows the way to 我转出的留言', async () => {
    const { id } = await created(
      (await asResident(app)).post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }),
    )
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '王芳代表联系这个小区', deputyCode: 'DP0002' }))

    // A hundred more handed on by him to 王芳 since, each later than that one.
    const now = app.clock.now()
    const others = await buildStoredCases(app, 'mu-others', 100, { ticketDate: '2026-11-23', at: new Date(now.getTime() + MINUTE), deputyId: 'dp0002' })
    for (const [i, c] of others.entries()) {
      const at = new Date(now.getTime() + (200 + i) * MINUTE)
      const assigned = caseEvent(c.id, 'assigned', { at, data: { deputyId: 'dp0001' } })
      const handed = caseEvent(c.id, 'transferred', { at, actorRole: 'deputy', actorId: 'dp0001', note: '王芳代表联系这个小区', data: { deputyId: 'dp0002' } })
      await app.liaison.store.cases.update({ ...c, updatedAt: at }, [assigned, handed], [])
    }
    const listed = await zhang.get('/api/mp/deputy/cases/handed-on?limit=100')
    expect(
      listed.body.items.map((h: { id: string }) => h.id),
      'not among his latest hundred',
    ).not.to.include(id)

    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his')).to.equal('这条留言您已转给王芳代表办理，您不用再处理。回到我的待办看我转出的留言 ›')
  })
})
