import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * Review 37, finding 9. 张伟 hands a message about school traffic to 王芳 (转交), and one about a rooftop shed back to his
 * station (交回). Both then vanished from 我的待办 and from 我办过的留言: he could not look up whether 王芳 answered the
 * resident he passed on. From his workbench, 我转出的留言 lists them, read only: where he handed each, and where it stands
 * now as far as reading it would tell him. A message staff moved from him, and one that came back to him, are not his hand-ons; another deputy sees none.
 */
describe('mini-program: the messages he handed on are kept in 我转出的留言', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string) => created((await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))

  it('lists 转给了王芳代表, still hers, and 交回了轻工街道代表联络站, placed again there (no state: review 37, finding 5)', async () => {
    const school = await write('光明小学门口早上接送孩子的车太多，堵得走不动，希望学校和交警想想办法')
    const shed = await write('建设路社区3号院有人在楼顶私搭乱建')
    const kept = await write('楼道里的扶手断了')
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/cases/${school.id}/transfer`, { reason: '学校交通的事王代表更熟悉', deputyCode: 'DP0002' }))
    app.clock.set(new Date('2026-11-23T03:00:00Z'))
    await created(zhang.post(`/api/mp/deputy/cases/${shed.id}/transfer`, { reason: '涉及城管和街道职责不清，需要区里协调' }))
    const wang = await asDeputy(app, 'dp0002')
    await created(wang.post(`/api/mp/deputy/cases/${school.id}/reply`, { text: '已和交警大队沟通，上下学时段会有交警疏导。' }))
    await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    expect(workbench.text(), 'gone from his 待办').not.to.include(school.ticket)
    await workbench.tap('#open-handed-on')
    const page = await follow()
    expect(page.path).to.equal('pages/deputy/handed-on')
    const card = (ticket: string) => page.textOf(`#case-${ticket}`)
    const order = page.component.querySelectorAll('.case').map((c: any) => String(c.dom.textContent).match(/留言 (\d{8}-\d{4})/)?.[1])
    expect(order, 'the latest hand-on first').to.deep.equal([shed.ticket, school.ticket])
    expect(card(school.ticket)).to.include('您转给了王芳代表（11月23日）').and.include('现在：由王芳代表办理')
    expect(card(shed.ticket)).to.include('您交回了轻工街道代表联络站（11月23日）').and.include('现在：已交回联络站重新安排')
    expect(card(shed.ticket)).to.include('建设路社区3号院有人在楼顶私搭乱建')
    expect(page.text(), 'one he still holds is not handed on').not.to.include(kept.ticket)
    expect(page.text(), 'read only: no answer to give here').not.to.include('答复群众')

    // Another deputy's list holds none of his.
    const other = await wang.get('/api/mp/deputy/cases/handed-on')
    expect(other.status).to.equal(200)
    expect(other.body.items).to.deep.equal([])
  })

  it('refuses a cursor it did not give, in the documented error body', async () => {
    const zhang = await phoneOfZhang(app)
    expect((await zhang.get('/api/mp/deputy/cases/handed-on')).body).to.deep.equal({ items: [], nextCursor: null })
    const bad = await zhang.get('/api/mp/deputy/cases/handed-on?cursor=nonsense')
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')
  })
})
