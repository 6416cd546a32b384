import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asResident } from '../helpers/app.js'
import { buildStoredCases } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/** Tuesday 2026-11-24 at hh:mm in Asia/Shanghai, or `days` later (negative: before). */
const tuesday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 24 + days, hh - 8, mm))

/**
 * Deputy Liu reads her morning digest, then asks the chat for 待办. The digest lists what is late first, 答复已超期 before
 * 已过受理期限, then what is due today; the chat's 待办 listed by the nearest deadline, so a message only late to be
 * accepted came above one whose answer was overdue, and "第 1 条" was another message in each. Now both list them alike.
 */
describe('bot: Deputy Liu reads her 待办 in the order of her morning digest', function () {
  this.timeout(120_000)
  const story = useCaseStory()

  it("the digest's line 1 is 待办's line 1, and so on down: overdue, then late to accept, then due today", async () => {
    const { app } = story
    const resident = (await asResident(app)).userId
    const at = { ticketDate: '2026-11-23', deputyId: 'dp0001' }
    // Late to be accepted since Monday 9:00; its answer not due before December.
    const [ackLate] = await buildStoredCases(app, resident, 1, {
      ...at,
      at: tuesday(8, 30, -1),
      text: '楼道的灯坏了，晚上上楼看不见',
      ackDueAt: tuesday(9, 0, -1),
      replyDueAt: tuesday(17, 0, 16),
    })
    // Accepted long ago; its answer was due Monday 18:00, later than the other's 受理 but past.
    const [overdue] = await buildStoredCases(app, resident, 1, {
      ...at,
      at: tuesday(9, 0, -22),
      text: '小区门口的垃圾好几天没人清运',
      status: 'acknowledged',
      acknowledgedAt: tuesday(10, 0, -22),
      ackDueAt: tuesday(9, 0, -21),
      replyDueAt: tuesday(18, 0, -1),
    })
    // To be accepted by this afternoon.
    const [today] = await buildStoredCases(app, resident, 1, {
      ...at,
      at: tuesday(8, 0, -1),
      text: '公交站的雨棚漏雨',
      ackDueAt: tuesday(16, 0),
      replyDueAt: tuesday(17, 0, 20),
    })

    app.clock.set(tuesday(8, 0))
    app.clock.advance(1000) // the job makes no digest before its send time
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await dispatch(app)
    const digest = await waitFor(() => story.bot.world.said('张伟').find((m) => m.includes('今日摘要')), 'her digest')
    const digestOrder = [1, 2, 3].map(
      (n) =>
        digest
          .split('\n')
          .find((l) => l.startsWith(`${n}. `))
          ?.split(' ')[1],
    )
    expect(digestOrder).to.deep.equal([overdue, ackLate, today].map((c) => c.ticket.slice(-4)))

    const todo = (await ask(story.bot, story.deputy, '待办')).split('\n')
    const todoOrder = [1, 2, 3].map((n) => /^\d+\.【(\d+)】/.exec(todo.find((l) => l.startsWith(`${n}.【`)) ?? '')?.[1])
    expect(todoOrder).to.deep.equal(digestOrder)
    expect(await ask(story.bot, story.deputy, '1')).to.include(`待办第 1 条：留言 ${overdue.ticket}（小区门口的垃圾好几天没人清运）`)
  })
})
