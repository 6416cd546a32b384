import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * Tuesday 11:00, 李娜 of 张伟's station presses 催办 on a message he has not acknowledged:
 * "群众又打电话来问了，请尽快受理". 张伟 uses only the mini-program. His 我的待办 must mark that
 * message 工作人员在催 (and only that one), and the message itself must say near the top who pressed
 * him, when (the day and the time, as every line of that page), and what she said — and its 办理经过 name her, not a bare "催办". Once the resident
 * has asked for it to be handled again, that old urge no longer presses him.
 */
describe('mini-program: a deputy sees who urged him (催办)', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const write = async (text: string) => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' }))
    return { ...(c as { id: string; ticket: string }), resident }
  }
  const taskLines = (workbench: Awaited<ReturnType<typeof openPage>>): string[] =>
    workbench.component.querySelectorAll('.task').map((t: any) => t.dom.textContent.replace(/\s+/g, ' '))

  it('marks 工作人员在催 on 我的待办 and names 联络站李娜, the day and her words on the message', async () => {
    const urged = await write('学校门口没有斑马线，孩子过马路很危险')
    const calm = await write('楼道里的扶手断了')
    app.clock.set(new Date('2026-11-24T03:00:00Z')) // Tuesday 11:00
    const lina = await stationStaff(app)
    const pressed = await lina.post(`/api/admin/cases/${urged.id}/urge`, { note: '群众又打电话来问了，请尽快受理' })
    expect(pressed.status, JSON.stringify(pressed.body)).to.equal(200)
    const zhang = await phoneOfZhang(app)

    const workbench = await openPage('pages/deputy/index')
    const lines = taskLines(workbench)
    const lineOf = (ticket: string) => lines.find((l) => l.includes(ticket)) ?? ''
    expect(lineOf(urged.ticket)).to.include('工作人员在催')
    expect(lineOf(calm.ticket), 'nobody pressed him on this one').not.to.include('催办')

    const page = await openPage(`pages/deputy/case?caseId=${urged.id}`)
    expect(page.textOf('.urge-note')).to.equal('联络站李娜 11月24日（星期二）上午11:00 催办：群众又打电话来问了，请尽快受理')
    const steps: string[] = page.component.querySelectorAll('.event').map((e: any) => e.dom.textContent.replace(/\s+/g, ' ').trim())
    const step = steps.find((s) => s.includes('催办')) ?? ''
    expect(step, 'the step names who urged').to.include('联络站李娜催办').and.include('群众又打电话来问了，请尽快受理')

    const other = await openPage(`pages/deputy/case?caseId=${calm.id}`)
    expect(other.has('.urge-note'), 'no urge on the other message').to.equal(false)

    // He answers; she finds the answer wanting and asks for it to be handled again: a new round, nobody has pressed him on it yet.
    expect((await zhang.post(`/api/mp/deputy/cases/${urged.id}/reply`, { text: '已联系交警大队，下周在学校门口画斑马线。' })).status).to.equal(200)
    expect((await urged.resident.post(`/api/mp/cases/${urged.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await urged.resident.post(`/api/mp/cases/${urged.id}/reopen`, { reason: '斑马线还没画' })).status).to.equal(200)
    await workbench.show()
    expect(
      taskLines(workbench).find((l) => l.includes(urged.ticket)),
      'back in 我的待办, not urged in this round',
    ).to.match(/重新办理/)
    expect(taskLines(workbench).find((l) => l.includes(urged.ticket))).not.to.include('工作人员在催')
    const again = await openPage(`pages/deputy/case?caseId=${urged.id}`)
    expect(again.has('.urge-note'), 'the old urge pressed for the answer she found wanting').to.equal(false)
    expect(again.text(), 'the old step stays in the 办理经过').to.include('联络站李娜催办')
  })

  it('after 催办, 转交 to 王芳, 催办 of her and her handing it back, neither his 待办 nor the message says he was pressed, until he is', async () => {
    const c = await write('小区健身器材坏了，老人锻炼不安全')
    app.clock.set(new Date('2026-11-24T03:00:00Z')) // Tuesday 11:00
    expect((await (await stationStaff(app)).post(`/api/admin/cases/${c.id}/urge`, { note: '请尽快受理' })).status).to.equal(200)
    const zhang = await phoneOfZhang(app)
    const handed = await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '王芳代表就住这个小区', deputyCode: 'DP0002' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)

    app.clock.set(new Date('2026-11-25T02:30:00Z')) // Wednesday 10:30: 李娜 presses 王芳, who holds it now
    const pressedHer = await (await stationStaff(app)).post(`/api/admin/cases/${c.id}/urge`, { note: '王芳代表请尽快联系群众' })
    expect(pressedHer.status, JSON.stringify(pressedHer.body)).to.equal(200)
    const wangfang = await asDeputy(app, 'dp0002')
    const back = await wangfang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '我这周在外地，还是请张伟代表办理', deputyCode: 'DP0001' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)

    // Back with 张伟: both urges were made before he got it back; his list and the message agree that nobody has pressed him since.
    const workbench = await openPage('pages/deputy/index')
    const lineOf = () => taskLines(workbench).find((l) => l.includes(c.ticket)) ?? ''
    expect(lineOf(), 'his 待办 lists it').to.include(c.ticket)
    expect(lineOf(), 'not pressed since he got it back').not.to.include('工作人员在催')
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(page.has('.urge-note'), 'the message agrees with his 待办').to.equal(false)
    expect(page.text(), 'both steps stay in the 办理经过').to.include('请尽快受理').and.include('王芳代表请尽快联系群众')

    app.clock.set(new Date('2026-11-26T06:05:00Z')) // Thursday 14:05: now 李娜 presses him
    expect((await (await stationStaff(app)).post(`/api/admin/cases/${c.id}/urge`, {})).status).to.equal(200)
    await workbench.show()
    expect(lineOf(), 'pressed now').to.include('工作人员在催')
    const pressed = await openPage(`pages/deputy/case?caseId=${c.id}`)
    expect(pressed.textOf('.urge-note'), 'and the message says who, the day and the time').to.equal('联络站李娜 11月26日（星期四）下午2:05 催办，请尽快办理。')
  })
})
