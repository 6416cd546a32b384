import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 王阿姨 rated 张伟's answer 2 and asked again (重新办理). He opens the message: right under its
 * status he reads her score and why she is unhappy, and what he answered last time — not only at
 * the bottom of 办理经过, several screens down.
 */
describe('mini-program: a message sent back says at the top why she is unhappy', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('under the status: 群众的意见（2 分）：her words, and 您上次的答复：his answer', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '楼下下水道堵了，污水漫到路上', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请环卫所疏通了下水道。' }))
    await created(resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 2 }))
    await created(resident.post(`/api/mp/cases/${c.id}/reopen`, { reason: '疏通了两天又堵了，污水又漫出来了' }))

    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.textOf('.status')).to.equal('群众要求重新办理，请在11月24日（星期二）上午10:00前受理')
    expect(page.textOf('.reopen-opinion')).to.equal('群众的意见（2 分）：疏通了两天又堵了，污水又漫出来了')
    expect(page.textOf('.reopen-reply')).to.equal('您上次的答复：已请环卫所疏通了下水道。')
    // At the top: after the status, before her original words.
    const top = page.textOf('.card')
    expect(top.indexOf('群众的意见（2 分）'), 'under the status').to.be.above(top.indexOf('群众要求重新办理'))
    expect(top.indexOf('群众的意见（2 分）'), 'above her first message').to.be.below(top.indexOf('楼下下水道堵了'))
    // By 受理, what this round asks of him, not the help for a new message.
    expect(page.text()).to.include('请先受理，让群众知道您在重新办理；办好了，在下面答复群众。').and.not.include('收到留言后请先受理')

    // Still there once he has taken it up again: it is what he is working on.
    await page.tap('.acknowledge')
    expect(page.textOf('.status')).to.match(/^已受理，请在.+答复群众$/)
    expect(page.textOf('.reopen-opinion')).to.equal('群众的意见（2 分）：疏通了两天又堵了，污水又漫出来了')
  })

  it('a new message has no such note', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '楼下下水道堵了', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.textOf('.status'), 'a new message: what to do by when').to.equal('新留言，请在11月24日（星期二）上午10:00前受理')
    expect(page.textOf('.body'), 'her words').to.equal('楼下下水道堵了')
    expect(page.text(), 'the help for a new message, by 受理').to.include('收到留言后请先受理，让群众知道您已在办理。')
    expect(page.has('.reopen-note'), 'no note of her opinion: she has given none').to.equal(false)
    expect(page.text()).not.to.include('群众的意见')
  })
})
