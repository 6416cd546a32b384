import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 王奶奶 wrote to 张伟 about the lamp. Not sure it went, she opens the write page again and types the same words. The
 * page does not send a second message silently: it says she sent the same message on that day, with its number and
 * who has it, and asks. "不用了，去看那条" opens that message; "还要送" sends this one all the same.
 */
describe('mini-program: the same message twice asks her before it is sent again', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const LAMP = '建设路12号门口的路灯坏了，晚上很黑，我出门差点摔了。'

  async function writesItAgain(): Promise<{ first: { id: string; ticket: string }; write: MpPage }> {
    const wang = await asResident(app, 'o-wang-twice')
    const sent = await wang.post('/api/mp/cases', { text: LAMP, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    holdPhone(app, 'o-wang-twice')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    // The same words, with a space where she put a comma.
    await write.type('#text', '建设路12号门口的路灯坏了 晚上很黑 我出门差点摔了')
    await write.tap('#submit')
    return { first: sent.body, write }
  }

  const dayOf = (ticket: string) => `${Number(ticket.slice(4, 6))}月${Number(ticket.slice(6, 8))}日`
  const herMessages = async () => {
    const user = await app.liaison.store.mpUsers.getByOpenid('o-wang-twice')
    return (await app.liaison.store.cases.search({ residentId: user!.id, limit: 10 })).items
  }

  it('says which message she sent and who has it, and opens that one when she does not send again', async () => {
    const { first, write } = await writesItAgain()
    expect(write.textOf('#sent-before-text')).to.equal(
      `您${dayOf(first.ticket)}已经送出过同样的留言（编号${first.ticket}），张伟代表正在办理。还要再送一条吗？`,
    )
    expect(write.textOf('#sent-before')).to.include('不用了，去看那条').and.include('还要送')
    expect(write.buttonLook('#see-earlier'), 'not sending is the one obvious answer').to.equal('filled')
    expect(write.has('#submit'), 'the question stands in place of 送出留言').to.equal(false)
    expect((await herMessages()).length, 'nothing sent yet').to.equal(1)

    await write.tap('#see-earlier')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: `/pages/case/detail?caseId=${first.id}` })
    expect((await herMessages()).length).to.equal(1)
  })

  it('sends it again when she says 还要送', async () => {
    const { first, write } = await writesItAgain()
    await write.tap('#send-again')
    const to = phone.navigations.at(-1)!
    expect(to.how).to.equal('redirectTo')
    expect(to.url).to.match(/^\/pages\/case\/result\?caseId=/)
    expect(to.url).not.to.include(first.id)
    expect((await herMessages()).length).to.equal(2)
  })
})
