import { expect } from 'chai'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { asDeputy, asResident, Client } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 代表建议 in the mini-program: 张伟 writes a suggestion from a resident's message, asks for
 * co-signers, 王芳 co-signs from 待附议, he submits; later he reads the unit's answer and rates it.
 * The office and the unit act through the backend's own API meanwhile.
 */
describe('mini-program: a deputy’s suggestions', () => {
  let app: Backend

  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function residentWritesToZhang() {
    const resident = await asResident(app)
    const written = await created(resident.post('/api/mp/cases', { text: '建设路老小区没有电梯，老人上下楼很难', regionId: 'c010101', deputyCode: 'DP0001' }))
    return { caseId: written.id as string, ticket: written.ticket as string }
  }

  /** A suggestion of 张伟's, submitted, accepted and assigned to 市住房和城乡建设局 (u01) through the API. */
  async function assignedSuggestion() {
    const zhang = await asDeputy(app, 'dp0001')
    const draft = await created(zhang.post('/api/mp/deputy/suggestions', { title: '关于老旧小区加装电梯的建议', body: '建议财政补贴老旧小区加装电梯。' }))
    await created(zhang.post(`/api/mp/deputy/suggestions/${draft.id}/submit`))
    const admin = await office(app)
    await created(admin.post(`/api/admin/suggestions/${draft.id}/review`, { decision: 'accept' }))
    await created(admin.post(`/api/admin/suggestions/${draft.id}/assignment`, { leadUnitId: 'u01' }))
    return draft.id as string
  }

  async function unitAnswers(id: string) {
    const unit = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    await created(unit.post(`/api/unit/suggestions/${id}/answer`, { category: 'in_progress', text: '已列入明年加装电梯计划，第一批 20 个小区。' }))
  }

  it('writes a suggestion from a resident’s message from the workbench, invites co-signers; 王芳 co-signs from 待附议; he submits', async () => {
    const { ticket } = await residentWritesToZhang()
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    await workbench.tap('#open-suggestions')
    const list = await follow()
    expect(list.path).to.equal('pages/suggestion/index')
    expect(list.text()).to.include('您还没有写过建议')

    await list.tap('#write')
    const write = await follow()
    await write.tap('#save')
    expect(write.textOf('.sg-form-error')).to.include('请写一个标题')
    await write.type('#title', '关于老旧小区加装电梯的建议')
    await write.type('#body', '建设路一带老小区多为六层，没有电梯，建议政府补贴加装。')
    // She is told when he submits it, not when he saves a draft he may drop.
    expect(write.text()).to.include('选中的留言，提交建议后会告诉留言的群众')
    await write.tap(`#case-${ticket}`)
    phone.photos.push(photoOnPhone('tmp_elevator.jpg'))
    await write.tap('#add-photo')
    expect(write.text()).to.include('已上传')
    await write.tap('#save')

    const detail = await follow()
    expect(detail.path).to.equal('pages/suggestion/detail')
    expect(detail.textOf('#status')).to.equal('草稿')
    expect(detail.text()).to.include(`来自群众留言 ${ticket}`)
    expect(detail.has('.sg-image')).to.equal(true)
    await detail.tap('#act')
    expect(detail.textOf('#status')).to.equal('征集附议')
    expect(detail.textOf('#done')).to.include('已开始征集附议')

    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const wang = await openPage('pages/suggestion/index?box=cosign')
    expect(wang.text()).to.include('关于老旧小区加装电梯的建议').and.include('领衔：张伟 代表')
    await wang.tap('.item')
    const toSign = await follow()
    expect(toSign.text()).to.include('张伟 代表请您附议这件建议')
    await toSign.tap('#act')
    expect(toSign.textOf('#done')).to.equal('您已附议')
    expect(toSign.textOf('#cosigners')).to.include('王芳')
    await toSign.tap('#act')
    expect(toSign.textOf('#done')).to.equal('已取消附议')
    await toSign.tap('#act')

    await phoneOfZhang(app)
    const again = await openPage(`pages/suggestion/detail?suggestionId=${detail.data.s.id}`)
    expect(again.textOf('#cosigners')).to.include('王芳')
    // 李强, asked too, has not answered: submitting now is his choice, asked once more.
    await again.tap('#submit-early')
    expect(phone.modals.at(-1)!.content).to.include('李强还没有回复附议邀请')
    expect(again.textOf('#status')).to.equal('待审查')
    expect(again.textOf('#done'), 'the office that reviews it, by name').to.equal('已提交，湛河区人大常委会办公室会尽快审查')
    expect(again.has('#act')).to.equal(false)
  })

  it('shows the unit, the deadline in words and the answer with its category; 不满意 sends it back once, as the page said it would', async () => {
    const id = await assignedSuggestion()
    await phoneOfZhang(app)
    const mine = await openPage('pages/suggestion/index')
    expect(mine.text()).to.include('办理中').and.include('市住房和城乡建设局 办理，还有')
    const assigned = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(assigned.textOf('#due'), 'the deadline as people write a date').to.match(/^办理期限 (\d{4}年)?\d{1,2}月\d{1,2}日，还有 \d+ 天$/)

    await unitAnswers(id)
    const detail = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(detail.textOf('#status')).to.equal('已答复待评价')
    expect(detail.textOf('.answer')).to.include('市住房和城乡建设局（主办）').and.include('办理结果：正在解决或列入计划').and.include('已列入明年加装电梯计划')
    await detail.tap('#act')
    const rate = await follow()
    expect(rate.path).to.equal('pages/suggestion/rate')
    expect(rate.textOf('#what-dissatisfied')).to.include('将退回承办单位重新办理一次')
    await rate.tap('#send')
    expect(rate.textOf('.error')).to.include('请先选择')
    await rate.tap('#score-dissatisfied')
    await rate.type('#comment', '希望今年就开始')
    await rate.tap('#send')
    expect(rate.textOf('#done')).to.include('已退回承办单位重新办理')

    const after = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(after.textOf('#status')).to.equal('重新办理')
    expect(after.textOf('#due')).to.match(/还有 \d+ 天/)
  })
})
