import { expect } from 'chai'
import { asDeputy, Client, type TestApp } from './app.js'
import { buildResident } from '../factories.js'
import { STAFF_PASSWORD } from '../fixtures.js'

/** Monday 23 November 2026, 10:00 in Shanghai: the report's week begins. */
const MONDAY = new Date('2026-11-23T02:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The rules of an office that gives three working days to answer (the default is fifteen): a message of Monday is to
 * be answered by Thursday, so the week's messages can be past their reply deadline (超期) when the week ends. Pass
 * to startApp's `overrides` with weekOfOverdueMessages.
 */
export const ANSWER_IN_THREE_DAYS = { cases: { replyWorkingDays: 3 } }

/**
 * 湛河区's week for the weekly report, in the case city: thirteen messages to 张伟代表 an hour apart from Monday 10:00.
 * He hands two back at once (`queued` waits at 轻工街道's station; `handedUp`, 李娜 hands up to the district office),
 * answers one (`answered`), and ten wait for him. The clock is then Friday 4 December, a week after the week ended:
 * with ANSWER_IN_THREE_DAYS, twelve wait past their reply deadline (of Thursday 26 November), ten of them 张伟's.
 */
export async function weekOfOverdueMessages(app: TestApp) {
  app.clock.set(MONDAY)
  const zhang = await asDeputy(app, 'dp0001')
  // An hour apart, each handled (or not) in the hour it came.
  const write = async (text: string) => {
    app.clock.advance(HOUR)
    const sent = await (await buildResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string; routing: { summary: string } }
  }
  // Handed back at once, each gets a fresh day to be placed: the two most overdue when the week ends.
  const handBack = async (id: string) =>
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '不是我熟悉的事，请站里另找代表' })).status).to.equal(200)
  const queued = await write('建设路社区垃圾桶满了没人清运')
  await handBack(queued.id)
  const handedUp = await write('建设路社区的医保报销政策看不懂，想请人解释')
  await handBack(handedUp.id)
  const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
  const up = await lina.post(`/api/admin/cases/${handedUp.id}/hand-up`, { reason: '涉及全区医保政策，本站无法答复' })
  expect(up.status, JSON.stringify(up.body)).to.equal(200)
  const answered = await write('建设路社区门口的路灯坏了，晚上很黑')
  expect((await zhang.post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已请街道今天把路灯修好了。' })).status).to.equal(200)
  for (let i = 1; i <= 10; i++) await write(`建设路社区第${i}栋楼道灯不亮，晚上上下楼很黑`)
  app.clock.set(new Date(MONDAY.getTime() + 11 * DAY))
  return { queued, handedUp, answered }
}
