import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { collectingCycle } from './office.js'

/**
 * 李大爷 proposes a 民生实事 project: he writes its name, agrees to the notice and taps 送出建议,
 * not seeing that 要办什么事 is still empty. The page names every empty field before sending (the backend
 * would refuse it field by field, 要办什么事不能为空); what he reads must be which field ("还有没填的：「要办什么事」"),
 * never only "输入有误".
 */
describe('mini-program: a form the backend refuses says what to fix', () => {
  let app: Backend
  let cycleId: string
  before(async () => {
    app = await startBackend()
    cycleId = (await collectingCycle(app)).id
  })
  after(() => app.close())

  it('names the empty field in plain words, and sends once it is filled in', async () => {
    holdPhone(app, 'o-refused-form')
    const form = await openPage(`pages/projects/propose?cycleId=${cycleId}`)
    await form.type('#title', '光明社区修一条无障碍坡道')
    await form.type('#place', '光明社区卫生站门口')
    await form.emit('#agree', 'change', { checked: true })
    await form.tap('#submit')
    expect(form.textOf('#error')).to.equal('还有没填的：「要办什么事」')
    expect(form.text()).not.to.include('输入有误')

    await form.type('#description', '卫生站门口有三级台阶，坐轮椅的老人进不去')
    await form.tap('#submit')
    expect(form.textOf('#sent')).to.include('建议已送出，谢谢您！')
  })
})
