import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * 张伟 handed a message on to 王芳 himself (转交). Opened again later, from his notice or the back button, his page
 * says it as his own move, by her name: 您已转给王芳代表办理. Only when the station moved it does it say that
 * another deputy has it now.
 */
describe('mini-program: a message he handed on himself is said as his own move', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const messageForZhang = async () =>
    created((await asResident(app)).post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))

  it('he handed it to 王芳: 这条留言您已转给王芳代表办理', async () => {
    const { id } = await messageForZhang()
    const zhang = await phoneOfZhang(app)
    const handed = await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '王芳代表联系这个小区', deputyCode: 'DP0002' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)

    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his')).to.equal('这条留言您已转给王芳代表办理，您不用再处理。回到我的待办看我转出的留言 ›')
    // A tap on a page left open says the same.
    const tapped = await zhang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})
    expect(tapped.body.error.message).to.equal('这条留言您已转给王芳代表办理，您不用再处理')
  })

  it('the station moved it to 王芳: 已改由其他代表办理, as before', async () => {
    const { id } = await messageForZhang()
    const lina = await stationStaff(app)
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', note: '王芳代表联系这个小区' })).status).to.equal(200)
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his')).to.equal('这条留言已改由其他代表办理，您不用再处理。回到我的待办')
  })
})
