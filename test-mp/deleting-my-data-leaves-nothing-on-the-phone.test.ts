import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 王阿姨 wrote to her deputy from her daughter's phone, then deleted her information in 我的信息.
 * The phone must not keep it for the next person who picks it up: not her last message and its
 * ticket, not the community she lives in, not her session. What stays is how the app looks
 * (关怀模式), which says nothing about her.
 */
describe('mini-program: deleting my information leaves nothing of mine on the phone', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('clears the last message, the remembered place and the session; the write page no longer knows where she lives', async () => {
    holdPhone(app, 'o-delete-leaves-nothing')
    phone.storage.set('care.mode', 'on')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    await write.emit('#place', 'change', { value: write.data.placeLabels.findIndex((l: string) => l.includes('建设路社区')) })
    await write.type('#text', '楼下的下水道堵了三天')
    await write.tap('#submit')
    const result = await follow()
    const ticket = result.data.ticket as string
    expect(result.text()).to.include(ticket)
    // A 述职评议 she began on a poster's page, carried to the page that asks her community.
    phone.storage.set('appraisal.answers', { surveyId: 'sv-1', answers: { q1: 'good' } })
    expect([...phone.storage.keys()]).to.include.members(['case.submitted', 'place.chosen', 'session.token', 'session.profile'])

    const data = await openPage('pages/mine/data')
    phone.modalAnswers.push(true)
    await data.tap('#delete')
    expect(data.textOf('#message')).to.include('您的个人信息已删除')

    expect([...phone.storage.keys()], 'only how the app looks is left').to.deep.equal(['care.mode'])
    expect(JSON.stringify([...phone.storage.values()]))
      .not.to.include(ticket)
      .and.not.include('建设路社区')

    const again = await openPage('pages/case/new')
    await again.tap('#agree')
    expect(again.text()).to.include('请选择社区（可不选）').and.not.include('建设路社区')
    expect(again.root.querySelector('[data-care]')?.getAttribute('data-care'), '关怀模式 is still on').to.equal('on')
  })
})
