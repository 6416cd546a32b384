import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * A message 张伟 never acknowledged: its day went by four days ago. His workbench says 已过受理期限 (not 已超期: its
 * answer is not due yet); the
 * message itself says the same, in red, with the date it was — not "请于11月24日 10:00前受理", an
 * instruction for a day already gone. The day to answer, still ahead, reads as the resident's does.
 */
describe('mini-program: a missed deadline reads as missed on the message, as on the workbench', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('已过受理期限 3 天（应于11月24日上午10:00前受理），请尽快受理, in red; 请在12月14日（星期一）前（含当日）答复群众', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday 10:00

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.task')).to.include('已过受理期限 3 天').and.not.include('已超期')

    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.textOf('.ack-by')).to.equal('已过受理期限 3 天（应于11月24日上午10:00前受理），请尽快受理')
    expect(page.has('.ack-by.late'), 'drawn in red').to.equal(true)
    expect(page.text()).not.to.include('请于11月24日')
    expect(page.textOf('.reply-by')).to.equal('请在12月14日（星期一）前（含当日）答复群众')
    expect(page.textOf('.status'), 'the bare state over the red line').to.equal('新留言，还没受理')
    expect(page.has('.reply-by.late')).to.equal(false)
  })

  it('both days gone by: one red line, the answer’s, asking him to take it and answer; not two orders', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-12-16T02:00:00Z')) // Wednesday 10:00, two days past 12月14日

    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.textOf('.reply-by')).to.equal('答复已超期 2 天（应于12月14日前（含当日）答复），请尽快受理并答复')
    expect(page.has('.reply-by.late'), 'drawn in red').to.equal(true)
    expect(page.has('.ack-by'), 'no second red line for the day to take it').to.equal(false)
    expect(page.text()).not.to.include('已过受理期限').and.not.include('请于11月24日')
  })

  it('before the day, the plain request, and no "24:00"', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.textOf('.status')).to.equal('新留言，请在11月24日（星期二）上午10:00前受理')
    expect(page.has('.late')).to.equal(false)
    await page.tap('.acknowledge')
    expect(page.textOf('.status')).to.equal('已受理，请在12月14日（星期一）前（含当日）答复群众')
    expect(page.text()).not.to.include('24:00')
  })
})
