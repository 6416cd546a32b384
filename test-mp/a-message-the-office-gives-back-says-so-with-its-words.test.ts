import { expect } from 'chai'
import { STAFF_PASSWORD } from '../test/fixtures.js'
import { asResident, Client } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * Review 37, finding 3. 张伟 acknowledges a message about a rooftop shed and hands it back to his station: the city
 * management and the street each say it is the other's. 李娜 hands it up to the district office; 孙丽 there has the
 * district's 城管局 take the lead and gives it back to him with her instruction. His notice said "您有一条新留言" with
 * none of her words, his page "新留言，还没受理", and her words sat at the bottom of 办理经过 without a name: he took it
 * for the one he had handed back, and let it wait. Now the notice, his workbench and his page say it is the same
 * message given back to him (再次交给您), by whom, with her words at the top of his page.
 */
describe('mini-program: a message the office gives back to him says so, by whom, with its words', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const ORDER = '区人大办已协调区城管局牵头，请张代表跟进并答复群众'

  it('再次交给您 in the notice, on the workbench and at the top of the page, naming 湛河区人大常委会办公室孙丽', async () => {
    const resident = await asResident(app)
    const shed = await created(
      resident.post('/api/mp/cases', { text: '建设路社区3号院有人在楼顶私搭乱建，搭了两间铁皮房，物业管不了', regionId: 'c010101', deputyCode: 'DP0001' }),
    )
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/deputy/cases/${shed.id}/acknowledge`, {}))
    await created(zhang.post(`/api/mp/deputy/cases/${shed.id}/transfer`, { reason: '涉及城管和街道职责不清，需要区里协调' }))
    await created((await stationStaff(app)).post(`/api/admin/cases/${shed.id}/hand-up`, { reason: '联络站协调不了，请区人大办协调' }))
    app.clock.set(new Date('2026-11-24T02:00:00Z')) // Tuesday 10:00
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    await created(sunli.post(`/api/admin/cases/${shed.id}/assign`, { deputyId: 'dp0001', note: ORDER }))

    const notices = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.assigned' })).items.filter((m) => m.recipientId === 'dp0001')
    const last = String(notices.at(-1)!.payload.text)
    expect(last).to.match(new RegExp(`^张伟代表，湛河区人大常委会办公室孙丽把留言 ${shed.ticket}（.+）再次交给您办理：${ORDER}。请在.+受理。$`))
    expect(last).not.to.include('新留言')

    const workbench = await openPage('pages/deputy/index')
    const row = workbench.component.querySelectorAll('.task').find((t: any) => t.dom.textContent.includes(shed.ticket))
    expect(String(row.dom.querySelector('[class~="state"], [class~="main--state"]')?.textContent).trim()).to.equal('再次交给您')
    workbench.close()

    const page = await openPage(`pages/deputy/case?caseId=${shed.id}`)
    expect(page.textOf('.status')).to.equal('再次交给您，请在11月25日（星期三）上午10:00前受理')
    expect(page.textOf('.assign-note')).to.equal(`湛河区人大常委会办公室孙丽 11月24日（星期二）上午10:00 再次交给您办理：${ORDER}`)
    expect(page.text(), 'not the new-message help').not.to.include('收到留言后请先受理')
    expect(page.text()).to.include('这条留言您以前办过，现在又交给您办理')
    const steps: string[] = page.component.querySelectorAll('.event-head').map((e: any) => e.dom.textContent.replace(/\s+/g, ' ').trim())
    expect(steps.at(-1)).to.match(/湛河区人大常委会办公室孙丽再次交给您办理$/)
  })

  it('a message the station gives him the first time is still 新留言, its words under its name', async () => {
    const resident = await asResident(app)
    const lamp = await created(resident.post('/api/mp/cases', { text: '光明路的路灯坏了', regionId: 'c010101', deputyCode: 'DP0002' }))
    await created((await stationStaff(app)).post(`/api/admin/cases/${lamp.id}/assign`, { deputyId: 'dp0001', note: '张代表住得近，请就近办理' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${lamp.id}`)
    expect(page.textOf('.status')).to.equal('新留言，请在11月24日（星期二）上午10:00前受理')
    expect(page.textOf('.assign-note')).to.equal('联络站李娜 11月23日（星期一）上午10:00 交给您办理：张代表住得近，请就近办理')
    const notice = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.assigned' })).items.find((m) => m.recipientId === 'dp0001')
    expect(String(notice!.payload.text)).to.include('您有一条新留言')
  })
})
