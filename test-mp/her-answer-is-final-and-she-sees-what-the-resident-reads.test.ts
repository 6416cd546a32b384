import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * A deputy of 66 found that 发送答复 sent at once and never said the answer is final and will be rated; and that
 * the department she typed ("城管吧") went to the resident as typed. Now the page says both before anything goes:
 * under the box, in WeChat's dialog naming the answer and the message by their first words, and, for a
 * department, the very sentence the resident will read. 再改改 sends nothing and keeps her words.
 */
describe('mini-program: her answer is final, and what the resident will read is shown first', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const sent = (what: string) => phone.requests.filter((r) => r.startsWith('POST') && r.endsWith('/' + what))

  async function messageOnHerPhone(openid: string) {
    const resident = await asResident(app, openid)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    return { resident, c: c as { id: string; ticket: string }, page: await openPage(`pages/deputy/case?caseId=${c.id}`) }
  }

  it('asks 发给群众吗？ naming the answer and the message; 再改改 sends nothing and keeps her words; 发送 reaches the resident', async () => {
    const { resident, c, page } = await messageOnHerPhone('o-final-answer')
    expect(page.textOf('.reply-final'), 'said under the box before she taps').to.equal('发出后不能再改，群众会收到并打分。')

    const answer = '已联系环卫所，明天起每天清运两次，请您留意。'
    await page.type('.reply-text', answer)
    phone.modalAnswers.push(false)
    await page.tap('.reply')
    expect(sent('reply'), '再改改: nothing sent').to.deep.equal([])
    expect(page.data.replyText, 'her words still in the box').to.equal(answer)
    expect(phone.modals).to.deep.equal([
      {
        title: '发给群众吗？',
        content: '您的答复“已联系环卫所，明天起每天清运…”将发给留言“小区门口的垃圾好几天没人…”的群众。发出后不能再改，群众会收到并为办理结果打分。',
      },
    ])
    expect(page.has('.reply'), 'the box and its button still there').to.equal(true)
    expect(phone.toasts).to.deep.equal([])
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.reply ?? null, 'the resident has no answer').to.equal(null)

    phone.modalAnswers.push(true)
    await page.tap('.reply')
    expect(phone.modals).to.have.length(2)
    expect(sent('reply')).to.have.length(1)
    expect(phone.toasts).to.deep.equal(['答复已发送'])
    expect(page.text()).to.include('答复已发送给群众。')

    holdPhone(app, 'o-final-answer')
    const hers = await openPage(`pages/case/detail?caseId=${c.id}`)
    expect(hers.textOf('#reply'), 'the resident’s page shows the answer').to.equal(answer)
  })

  it('shows the sentence the resident will read with the department as typed, and lets her correct the name before it goes', async () => {
    const { resident, c, page } = await messageOnHerPhone('o-final-forward')
    await page.tap('.acknowledge')
    await page.tap('.show-forward')
    expect(page.text(), 'plain words, not the office’s').to.include('交给哪个部门').and.not.include('交办').and.not.include('承办')

    await page.type('.department', '城管吧')
    expect(page.textOf('.resident-reads')).to.equal('群众会看到：您的留言已交城管吧办理，代表会跟进办理进度。')
    phone.modalAnswers.push(false)
    await page.tap('.forward')
    expect(sent('forward'), '再改改: nothing sent').to.deep.equal([])
    expect(page.data.department, 'the name still in the box, to correct').to.equal('城管吧')
    expect(phone.modals.at(-1)).to.deep.equal({
      title: '交给这个部门吗？',
      content: '群众会看到：您的留言已交城管吧办理，代表会跟进办理进度。请看部门名称写得对不对。',
    })

    await page.type('.department', '市城管局')
    expect(page.textOf('.resident-reads')).to.equal('群众会看到：您的留言已交市城管局办理，代表会跟进办理进度。')
    phone.modalAnswers.push(true)
    await page.tap('.forward')
    expect(sent('forward')).to.have.length(1)
    expect(phone.toasts.at(-1)).to.equal('已交给部门')
    expect(page.text()).to.include('已交给：市城管局').and.include('已交给市城管局办理。部门办好了，请在上面答复群众。')

    const notices = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.forwarded' })).items
    const told = notices.filter((m) => m.recipientId === resident.userId).map((m) => String(m.payload.text))
    expect(told).to.have.length(1)
    expect(told[0], 'the resident reads the corrected name, in plain words').to.match(/已交市城管局办理，代表会跟进办理进度。$/)
    expect(told[0]).to.include(c.ticket).and.not.include('城管吧').and.not.include('督办')
  })
})
