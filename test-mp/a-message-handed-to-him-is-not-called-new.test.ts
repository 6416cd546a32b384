import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, stationStaff } from './office.js'

/**
 * 张伟 hands a message to 王芳 (转交); she hands it back (交回). Each finds it on the workbench said as the notice
 * said it: who handed it over, and that it came back, not "新留言" under a number one of them has handled already.
 * A message the station gives him is still 新留言.
 */
describe('mini-program: a message a colleague handed him is not called 新留言 on his workbench', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /**
   * What the workbench line of this message says to do and where it stands ("请在11月24日（星期二）上午10:00前受理，明天到期",
   * "张伟代表转给您"): the act kept, its day and the days left each test's own.
   */
  const lineOf = (page: MpPage, ticket: string) => {
    const row = page.component.querySelectorAll('.task').find((t: any) => t.dom.textContent.includes(ticket))
    if (!row) throw new Error(`no line for ${ticket}: ${page.text().slice(0, 300)}`)
    const words = (name: string) => String(row.dom.querySelector(`[class~="${name}"], [class~="main--${name}"]`)?.textContent ?? '').trim()
    return { todo: words('todo').replace(/^请在.+前受理(，.+)?$/, '请在…前受理'), state: words('state') }
  }

  async function phoneOf(deputyId: string) {
    const client = await asDeputy(app, deputyId)
    holdPhone(app, `o-deputy-${deputyId}`)
    return client
  }

  it('张伟代表转给您, then 王芳代表交回给您; the station’s own is 新留言, and 再次交给您 when it was hers', async () => {
    const resident = await asResident(app)
    const { id, ticket } = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    const other = await created(resident.post('/api/mp/cases', { text: '光明路的路灯坏了', regionId: 'c010101', deputyCode: 'DP0002' }))
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '王芳代表联系这个小区', deputyCode: 'DP0002' })).status).to.equal(200)

    const wang = await phoneOf('dp0002')
    let workbench = await openPage('pages/deputy/index')
    expect(lineOf(workbench, ticket)).to.deep.equal({ todo: '请在…前受理', state: '张伟代表转给您' })
    expect(lineOf(workbench, other.ticket), 'written to her: new').to.deep.equal({ todo: '请在…前受理', state: '新留言' })
    workbench.close()

    expect((await wang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '还是张代表就近办理更方便', deputyCode: 'DP0001' })).status).to.equal(200)
    await phoneOf('dp0001')
    workbench = await openPage('pages/deputy/index')
    expect(lineOf(workbench, ticket)).to.deep.equal({ todo: '请在…前受理', state: '王芳代表交回给您' })
    workbench.close()

    // The station gives it to 王芳 itself: the number she handed on comes back to her (review 37, finding 3), as the
    // station's notice says: 再次交给您, not 新留言. One the station gives her the first time is 新留言 (the line above).
    const lina = await stationStaff(app)
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', note: '请王芳代表办理' })).status).to.equal(200)
    await phoneOf('dp0002')
    workbench = await openPage('pages/deputy/index')
    expect(lineOf(workbench, ticket)).to.deep.equal({ todo: '请在…前受理', state: '再次交给您' })
  })
})
