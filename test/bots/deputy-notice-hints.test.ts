import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import type { TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor, type BotUnderTest, type Person } from './helpers.js'
import { noticeReachesZhangWei } from './zhang-wei.js'

const DAY = 86_400_000
const HOUR = 3_600_000

/**
 * What a notice to 张伟 tells him to send matches where the message is now, as his 待办 lists it:
 * a message given back to him by a resident not satisfied waits for 受理 again (还没受理), so its
 * notice says 受理 first, then 回复; a reminder says 受理 only while the message still waits for it.
 */
describe('bot: the words a case notice tells the deputy to send match the state of the message', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang', '王阿姨'] })
  let app: TestApp
  let t: BotUnderTest
  let wang: Person
  let zhang: Person
  beforeEach(() => ({ app, bot: t, resident: wang, deputy: zhang } = story))

  const saidToZhang = (what: (m: string) => boolean, label: string) => waitFor(() => t.world.said('张伟').find(what), label)

  it('asks him to 受理 a message reopened by the resident before answering it, and the line copied from it acknowledges it', async () => {
    // A morning, so that a padded hour ("09:05") would show in the deadline he reads.
    app.clock.set(new Date('2026-12-07T01:05:00Z')) // Monday 12月7日 9:05 in Shanghai
    const ticket = await story.residentWithAnsweredMessage('楼道的灯坏了，晚上看不见')
    const short = ticket.slice(-4)
    expect(await ask(t, wang, '2')).to.include('1. 重新办理')
    expect(await ask(t, wang, '2')).to.equal('好的，谢谢您！')
    app.clock.advance(DAY)
    t.clock.advance(DAY)
    expect(await ask(t, wang, '重新办理')).to.include('请简单说说还有哪些问题没有解决')
    await ask(t, wang, '灯还是不亮。')
    await dispatch(app)

    const notice = await saidToZhang((m) => m.includes(`留言 ${ticket} 群众不满意`), 'the reopen notice')
    const lines = notice.split('\n')
    expect(lines[0]).to.match(
      new RegExp(
        `^张伟代表，留言 ${ticket} 群众不满意（2 分），已重新交您办理：灯还是不亮。请在12月9日（星期三）上午9:05前受理。$`, // reopened Tuesday 9:05, 24 working hours
      ),
    )
    expect(lines.slice(1)).to.deep.equal([
      // Which message, by its first words: the number alone does not say it.
      '这条留言写的是：“楼道的灯坏了，晚上看不见”',
      '',
      `受理请回复：受理 ${short}`,
      `答复请回复：回复 ${short} 再写上答复`,
      '也可以长按这条消息，点"引用"，写上答复后发送。',
    ])
    expect(await ask(t, zhang, '待办'), 'his list says the same').to.include(`【${short}】群众要求重新办理，还没受理`)

    expect(await ask(t, zhang, `受理请回复：受理 ${short}`)).to.include(`已受理留言 ${ticket}`)
    expect(await story.stored(ticket)).to.include({ status: 'acknowledged' })
  })

  it('says 受理 in a reminder only while the message still waits for it', async () => {
    const neighbour = t.world.person('wx-neighbour', '老周')
    const ticket = await story.writes('楼下垃圾桶满了三天没人清理', neighbour)
    const short = ticket.slice(-4)
    await noticeReachesZhangWei(app, t, ticket)
    const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
    const reminders = () => t.world.said('张伟').filter((m) => m.includes('提醒您') && m.includes(ticket))

    const c = (await story.stored(ticket))!
    app.clock.set(new Date(c.ackDueAt.getTime() - 2 * HOUR))
    await sla()
    await dispatch(app)
    const toAcknowledge = await waitFor(() => reminders()[0], 'the reminder to acknowledge')
    // A time of day, or the whole day counting (a message written at the weekend), as his page says it.
    expect(toAcknowledge).to.match(/前(（含当日）)?受理，请及时处理/)
    expect(toAcknowledge).to.include(`受理请回复：受理 ${short}`).and.include(`答复请回复：回复 ${short} 再写上答复`)

    expect(await ask(t, zhang, `受理 ${short}`)).to.include(`已受理留言 ${ticket}`)
    app.clock.set(new Date(c.replyDueAt.getTime() - 2 * HOUR))
    await sla()
    await dispatch(app)
    const toAnswer = await waitFor(() => reminders()[1], 'the reminder to answer')
    // The reply is due at the end of a working day: the whole day counts, as his page says it.
    expect(toAnswer).to.include('前（含当日）答复，请及时处理').and.include(`答复请回复：回复 ${short} 再写上答复`)
    expect(toAnswer, 'acknowledged already').not.to.include('受理请回复')
  })
})
