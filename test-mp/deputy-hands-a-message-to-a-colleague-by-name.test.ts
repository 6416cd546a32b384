import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { phone } from './harness/wx.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 handles a resident's message on his phone. 交办 and 转交 are forms low on the page: what
 * goes wrong with one is said beside its own button, where he is looking, not at the top of the
 * screen. And he hands a message to a colleague by name, from his station's deputies: nobody
 * knows a colleague's 代表编号. The list is the backend's (transfer-options), by the rule 转交
 * keeps: everyone offered takes it.
 */
describe('mini-program: a deputy hands a message on, and sees what went wrong where he tapped', () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function residentWrites() {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    return { resident, caseId: written.id as string, ticket: written.ticket as string }
  }

  /** The error shown at the top of the page, above the reply card (not inside a form). */
  const topError = (page: MpPage) => page.component.querySelectorAll('.error').find((e: any) => !String(e.dom.className).includes('form-error'))

  it('says a missing reason beside 确认转交, and a refused 交给部门 beside its button', async () => {
    const { resident, caseId } = await residentWrites()
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${caseId}`)

    await page.tap('.show-transfer')
    await page.tap('.to-station')
    await page.tap('.transfer')
    expect(page.textOf('.transfer-error'), 'beside the button he tapped').to.equal('请写明转交的原因')
    expect(topError(page), 'nothing at the top, out of his sight').to.equal(undefined)

    await page.tap('.acknowledge')
    await page.tap('.show-forward')
    await page.tap('.forward')
    expect(page.textOf('.forward-error')).to.equal('请写明交给哪个部门')
    expect(topError(page)).to.equal(undefined)

    // The resident takes the message back while he fills in the form: the backend refuses, and says so there.
    expect((await resident.post(`/api/mp/cases/${caseId}/withdraw`, { reason: '问题已经解决了' })).status).to.equal(200)
    await page.type('.department', '区城市管理局')
    await page.tap('.forward')
    expect(page.textOf('.forward-error')).to.equal('这条留言群众已经撤回了，您不用再处理')
    expect(topError(page)).to.equal(undefined)
  })

  it('offers his station’s deputies by name, as the backend lists them; he picks 王芳, and the message is in her 我的待办', async () => {
    const { ticket, caseId } = await residentWrites()
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${caseId}`)
    phone.requests.length = 0
    await page.tap('.show-transfer')
    expect(phone.requests, 'one request, the backend’s list').to.deep.equal([`GET /api/mp/deputy/cases/${caseId}/transfer-options`])

    const form = page.textOf('.form')
    expect(form).to.include('转给谁')
    expect(page.textOf('.to-station'), 'first, with the station’s name').to.include('交回轻工街道代表联络站，由工作人员分派')
    expect(
      page.component.querySelectorAll('.colleague').map((c: any) => c.dom.textContent.trim()),
      'his colleagues there, by level (name above, level and station below): 李强 (who also sits at 马庄), then 王芳',
    ).to.deep.equal(['李强 代表全国人大代表 · 轻工街道代表联络站', '王芳 代表区人大代表 · 轻工街道代表联络站'])
    expect(form, 'not himself').not.to.include('张伟')
    expect(form, 'not another station’s deputy, whom 转交 refuses').not.to.include('赵敏')
    expect(form, 'no number to know').not.to.include('编号')
    expect(page.textOf('.to-station'), 'nothing chosen for him: he picks').not.to.include('已选')

    await page.tap('.to-DP0002')
    expect(page.textOf('.to-DP0002'), 'the choice in words, not colour alone').to.include('王芳 代表').and.include('已选')
    expect(page.textOf('.to-station')).not.to.include('已选')
    await page.type('.transfer-reason', '王芳代表联系这个小区，她更了解情况')
    await page.tap('.transfer')
    expect(page.text()).to.include('这条留言已转给王芳代表办理，您不用再处理')

    await asDeputy(app, 'dp0002')
    holdPhone(app, 'o-deputy-dp0002')
    const hers = await openPage('pages/deputy/index')
    expect(hers.text()).to.include('王芳 代表，您好').and.include('我的待办：共 1 项')
    expect(hers.textOf('.task')).to.include(ticket).and.include('小区门口的垃圾好几天没人清运')
  })

  it('tells 刘洋, alone at his station, to hand it back; a list that did not come says so and 再试一次 brings it', async () => {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '光明社区的路灯坏了', regionId: 'c010102', deputyCode: 'DP0005' }))
    await asDeputy(app, 'dp0005')
    holdPhone(app, 'o-deputy-dp0005')
    const page = await openPage(`pages/deputy/case?caseId=${written.id}`)

    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9' // no signal as he opens the form
    await page.tap('.show-transfer')
    phone.backend = backend
    expect(page.textOf('.colleagues-note')).to.equal('没能取到本站代表的名单：网络不通，请检查网络后重试再试一次')

    await page.tap('.colleagues-retry')
    expect(page.textOf('.colleagues-note')).to.equal('没有别的代表可以转交，请交回光明社区代表联络点，由工作人员分派。')
    expect(page.textOf('.to-station')).to.include('交回光明社区代表联络点，由工作人员分派').and.include('已选')
    expect(page.has('.colleague')).to.equal(false)
  })
})
