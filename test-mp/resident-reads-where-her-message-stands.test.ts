import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { created } from './office.js'

/**
 * 赵阿姨, 72, opens 我的留言. Each card says where her message stands in her words — who has it
 * and what comes next — not the office's 已分派 or 已交办; and the one the deputy has answered says
 * that she is to look at the answer and rate it: the one thing on the list waiting for her.
 */
describe('mini-program: a resident reads where her messages stand, and which one waits for her', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('says each state plainly; the answered one asks her to rate it until she has', async () => {
    const zhao = await asResident(app, 'o-zhao-ayi')
    const write = (text: string) => created(zhao.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
    const lamp = await write('北门的路灯坏了一个月，晚上出门看不清路')
    const bins = await write('小区垃圾桶三天没人清运，味道很大')
    const road = await write('建设路的井盖松了，踩上去会响')
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已联系供电所，这周内修好。' }))
    await created(zhang.post(`/api/mp/deputy/cases/${road.id}/acknowledge`, {}))
    await created(zhang.post(`/api/mp/deputy/cases/${road.id}/forward`, { department: '区城市管理局' }))

    holdPhone(app, 'o-zhao-ayi')
    const list = await openPage('pages/case/list')
    const card = (ticket: string) => list.textOf(`#case-${ticket}`)
    expect(card(lamp.ticket), 'answered: said, and what she is to do')
      .to.include('● 代表已答复，请评价')
      .and.include('待您评价：请点开看代表的答复，给答复打个分')
    expect(card(bins.ticket)).to.include('○ 已交给张伟代表，代表还没有看').and.not.include('待您评价')
    expect(card(road.ticket)).to.include('◐ 已交有关部门办理').and.not.include('待您评价')
    for (const jargon of ['已分派', '待分派', '已转交部门', '已交办']) expect(list.text(), 'not the office’s words').not.to.include(jargon)

    await list.tap(`#case-${lamp.ticket}`)
    const page = await follow()
    expect(page.textOf('#status')).to.equal('● 代表已答复，请评价')
    await page.emit('#rate', 'change', { value: 5 })
    await page.tap('#submit-rating')
    expect(page.textOf('#status')).to.equal('✓ 已办结')

    await list.show()
    expect(card(lamp.ticket), 'rated: nothing waits for her any more').to.include('✓ 已办结').and.not.include('待您评价')
  })

  // Review 50: "待您评价" in bold red read to 王奶奶 as an error. It invites, in the green its own state is said in.
  it('asks her to rate calmly: in its state’s green and the body weight, never bold red', () => {
    const todo = declarations('components/case-card/case-card.wxss', '.case-card__todo')
    const done = declarations('components/status-badge/status-badge.wxss', '.badge--done')
    expect(todo.get('color'), 'the colour of 代表已答复，请评价').to.equal(done.get('color'))
    expect(todo.get('background'), 'on the same pale ground').to.equal(done.get('background'))
    expect(todo.has('font-weight'), 'the body weight').to.equal(false)
  })
})
