import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang, stationStaff } from './office.js'

/**
 * Tuesday 11:00, 李娜 of 张伟's station presses 催办 on a message he has not acknowledged:
 * "群众又打电话来问了，请尽快受理". 张伟 uses only the mini-program. His 我的待办 must mark that
 * message 已催办 (and only that one), and the message itself must say near the top who pressed
 * him, when, and what she said — and its 办理经过 name her, not a bare "催办". Once the resident
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

  it('marks 已催办 on 我的待办 and names 联络站李娜, the day and her words on the message', async () => {
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
    expect(lineOf(urged.ticket)).to.include('已催办')
    expect(lineOf(calm.ticket), 'nobody pressed him on this one').not.to.include('催办')

    const page = await openPage(`pages/deputy/case?caseId=${urged.id}`)
    expect(page.textOf('.urge-note')).to.equal('联络站李娜 11月24日催办：群众又打电话来问了，请尽快受理')
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
    expect(taskLines(workbench).find((l) => l.includes(urged.ticket))).not.to.include('已催办')
    const again = await openPage(`pages/deputy/case?caseId=${urged.id}`)
    expect(again.has('.urge-note'), 'the old urge pressed for the answer she found wanting').to.equal(false)
    expect(again.text(), 'the old step stays in the 办理经过').to.include('联络站李娜催办')
  })
})
