import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 handles a message low on a long page. What his tap did is said where he is looking: a
 * short toast, and in the card of the button he tapped the words of where the message stands
 * now (已答复，现在等群众评价) — not at the top of the page, scrolled out of his sight.
 */
describe('mini-program: a deputy sees what his tap did where he tapped', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function messageForZhang() {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    return openPage(`pages/deputy/case?caseId=${written.id}`)
  }

  it('acknowledges and answers: a toast, and where the button was the state in words', async () => {
    const page = await messageForZhang()

    await page.tap('.acknowledge')
    expect(phone.toasts).to.deep.equal(['已受理'])
    // By when is said once, in the line at the top (已受理，请在…答复群众); where 受理 was, what is next.
    expect(page.text(), 'where 受理 was, right above the answer box: what is next').to.match(
      /小区门口的垃圾好几天没人清运.*已受理。办好了，请在下面答复群众。答复群众发出后不能再改，群众会收到并打分。发送答复/,
    )

    await page.type('.reply-text', '已联系环卫所，明天起每天清运两次。')
    await page.tap('.reply')
    expect(phone.toasts).to.deep.equal(['已受理', '答复已发送'])
    expect(page.has('.reply')).to.equal(false)
    expect(page.text(), 'below his answer, where the box and its button were, above 办理经过').to.include(
      '您的答复已联系环卫所，明天起每天清运两次。答复已发送给群众。办理经过',
    )
    expect(page.text()).to.include('已答复')
  })

  it('hands one message to a department and another back to the station: each said where its button was', async () => {
    const page = await messageForZhang()
    await page.tap('.acknowledge')
    await page.tap('.show-forward')
    await page.type('.department', '区城市管理局')
    await page.tap('.forward')
    expect(phone.toasts.at(-1)).to.equal('已交给部门')
    expect(page.text(), 'below the answer box, where the form for the department was').to.include(
      '发送答复已交给区城市管理局办理。部门办好了，请在上面答复群众。办理经过',
    )
    expect(page.text()).to.include('已交有关部门，请在12月14日（星期一）前（含当日）答复群众')

    const other = await messageForZhang()
    await other.tap('.show-transfer')
    await other.tap('.to-station')
    await other.type('.transfer-reason', '不在本人联系的片区，请联络站另行分派')
    await other.tap('.transfer')
    expect(phone.toasts.at(-1)).to.equal('已转交')
    expect(other.text(), 'where the 转交 form was').to.include('这条留言已交回轻工街道代表联络站重新安排，您不用再处理。回到我的待办看我转出的留言 ›办理经过')
    expect(other.text(), 'no longer his: no deadline of his on the page').to.include('已转交').and.not.include('请于').and.not.include('请在12月')
  })
})
