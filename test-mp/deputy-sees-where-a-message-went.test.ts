import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * 张伟 hands a message on, or opens a notice for one that has since been taken from him. Either
 * way the page says calmly where it went and that he need do nothing more — not an error with
 * 再试一次 — and takes him back to 我的待办. After his 转交 the 办理经过 shows his move.
 */
describe('mini-program: a deputy sees where a message he no longer holds went', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function messageForZhang(text = '小区门口的垃圾好几天没人清运') {
    const resident = await asResident(app)
    return created(resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
  }

  const steps = (page: MpPage) => page.component.querySelectorAll('.event').map((e: any) => e.dom.textContent.replace(/\s+/g, ' ').trim())

  it('after 转交 to 王芳: her name where the form was, his move in 办理经过, and the way back to 我的待办', async () => {
    const { id } = await messageForZhang()
    await phoneOfZhang(app)
    const tasks = await openPage('pages/deputy/index')
    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(
      steps(page).some((s: string) => s.includes('转给')),
      'nothing handed on yet',
    ).to.equal(false)

    await page.tap('.show-transfer')
    await page.tap('.to-DP0002')
    await page.type('.transfer-reason', '王芳代表联系这个小区，她更了解情况')
    await page.tap('.transfer')

    expect(phone.toasts.at(-1)).to.equal('已转交')
    expect(page.text(), 'where the 转交 form was, above 办理经过').to.include('这条留言已转给王芳代表办理，您不用再处理。回到我的待办看我转出的留言 ›办理经过')
    expect(steps(page).at(-1), 'his move, as the backend has it now, in his words')
      .to.include('您把留言转给王芳代表办理')
      .and.include('王芳代表联系这个小区，她更了解情况')
    expect(page.text()).to.include('已转交').and.not.include('请于')
    expect(page.has('.acknowledge') || page.has('.reply') || page.has('.show-transfer'), 'nothing of his left to do').to.equal(false)
    expect(page.has('.error')).to.equal(false)

    await page.tap('.back-to-tasks')
    expect(phone.navigations.at(-1), 'back to the 我的待办 he came from').to.deep.equal({ how: 'navigateBack', url: '' })
    await tasks.show()
    expect(tasks.text()).to.include('我的待办：暂时没有要办的事')
  })

  it('an old notice for a message given to 王芳 since: says so calmly, with the way back, not an error to retry', async () => {
    const { id } = await messageForZhang()
    const lina = await stationStaff(app)
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', note: '王芳代表联系这个小区' })).status).to.equal(200)

    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his')).to.equal('这条留言已改由其他代表办理，您不用再处理。回到我的待办')
    expect(page.has('#load-failed'), 'no 再试一次: trying again changes nothing').to.equal(false)
    expect(page.has('.error')).to.equal(false)
    expect(page.text(), 'nothing of the message he no longer holds').not.to.include('小区门口的垃圾')

    await page.tap('.back-to-tasks')
    expect(phone.navigations.at(-1), 'opened from the notice: 我的待办 in its place').to.deep.equal({ how: 'redirectTo', url: '/pages/deputy/index' })
  })

  it('an old notice for a message he handed back to the station: back with the station, said as calmly', async () => {
    const { id } = await messageForZhang('光明路的路灯坏了')
    const zhang = await phoneOfZhang(app)
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '需要工作人员协调' })).status).to.equal(200)

    const page = await openPage(`pages/deputy/case?caseId=${id}`)
    expect(page.textOf('.not-his')).to.include('这条留言已交回联络站重新安排，您不用再处理')
    expect(page.has('#load-failed')).to.equal(false)
  })
})
