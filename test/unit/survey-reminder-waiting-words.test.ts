import { expect } from 'chai'
import { planReminders, reminderRefusal, type ReminderCandidate } from '../../src/domain/reminders.js'

const ZONE = 'Asia/Shanghai'
const NOW = new Date('2026-11-23T02:00:00Z')
const person = (id: string, noticeWaitingReason: string | null): ReminderCandidate => ({
  id,
  name: id,
  remindedToday: false,
  noticeSentAt: null,
  noticeWaiting: true,
  noticeWaitingReason,
  reachable: true,
})

/**
 * 提醒未参与 pressed while the ballot's notices wait: she is told, as a meeting's 提醒未回复 tells her, that those held by
 * quiet hours go by themselves (不用您操作), and not promised that for one who waits on subscribing again.
 */
describe('a survey reminder while its notices wait says which go by themselves', () => {
  it('says the notices held by quiet hours go out by themselves and she need not do anything', () => {
    const plan = planReminders([person('a', null), person('b', '夜间免打扰，8:00 后发送')], NOW, 30)
    expect(reminderRefusal(plan, ZONE)).to.deep.equal({
      code: 'notice_not_sent',
      message: '2 人的通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后如果还没参与，可以再提醒',
    })
  })

  it('does not promise it for one who waits on subscribing again', () => {
    const plan = planReminders([person('a', null), person('b', '对方尚未订阅小程序消息，且没有其他可用渠道')], NOW, 30)
    expect(reminderRefusal(plan, ZONE).message).to.equal(
      '1 人的通知待发送，会自动发出，不用您操作；发出后如果还没参与，可以再提醒；' +
        '1 人的通知待发送（对方尚未订阅小程序消息，且没有其他可用渠道），发出后如果还没参与，可以再提醒',
    )
  })
})
