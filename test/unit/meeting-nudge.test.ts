import { expect } from 'chai'
import type { MeetingInvitee } from '../../src/domain/meeting.js'
import { nudgeHeldCode, nudgeHeldWords, nudgeOthers, splitForNudge } from '../../src/domain/meeting-nudge.js'
import { noticeState } from '../../src/domain/notice-delivery.js'

const ZONE = 'Asia/Shanghai'
const at = (iso: string) => new Date(iso)
const invitee = (id: string, invitedAt = at('2026-11-23T02:00:00Z')): MeetingInvitee =>
  ({
    meetingId: 'mt-1',
    personKind: 'deputy',
    personId: id,
    name: id,
    rsvp: 'pending',
    reason: null,
    rsvpAt: null,
    checkedInAt: null,
    invitedAt,
  }) as MeetingInvitee

describe('whom 提醒未回复 may ask: those whose notice went out and had time to be read', () => {
  const now = at('2026-11-23T04:00:00Z') // Monday 12:00
  const rows = {
    read: noticeState({ status: 'sent', lastError: null, sentAt: at('2026-11-23T02:30:00Z') }),
    fresh: noticeState({ status: 'sent', lastError: null, sentAt: at('2026-11-23T03:30:00Z') }),
    night: noticeState({ status: 'pending', lastError: null, waitingReason: '夜间免打扰，8:00 后发送' }),
    dead: noticeState({ status: 'dead', lastError: '未能送达：收件人没有绑定微信' }),
    // Invited before notices were recorded: told then.
    old: noticeState(undefined),
  }
  const split = (ids: Array<keyof typeof rows>) =>
    splitForNudge(
      ids.map((id) => invitee(id)),
      (i) => rows[i.personId as keyof typeof rows],
      now,
      60,
    )

  it('asks those told an hour ago or more, and someone invited before notices were recorded', () => {
    const s = split(['read', 'old', 'fresh'])
    expect(s.ready.map((i) => i.personId)).to.deep.equal(['read', 'old'])
    expect(s.readyAt?.toISOString()).to.equal('2026-11-23T04:30:00.000Z')
    expect(nudgeHeldWords(s, ZONE)).to.equal('另有 1 人的通知刚发出不久，请在 11月23日 12:30 以后再提醒，给大家留出看通知的时间')
  })

  it('says why nobody is asked, without a count for one reason and with counts for several', () => {
    const night = split(['night', 'night'])
    expect(nudgeHeldWords(night, ZONE)).to.equal('通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后可以提醒还没回复的人')
    expect(nudgeHeldCode(night)).to.equal('notice_not_sent')
    const mixed = split(['dead', 'fresh'])
    expect(nudgeHeldWords(mixed, ZONE)).to.equal(
      '1 人的通知刚发出不久，请在 11月23日 12:30 以后再提醒，给大家留出看通知的时间；1 人的通知没有送达，提醒也发不到，请电话联系',
    )
    expect(nudgeHeldCode(mixed)).to.equal('notice_just_sent')
    expect(nudgeHeldWords(split(['read']), ZONE), 'nobody left out').to.equal(null)
  })

  // The meeting page read "通知待发送，发出后可以提醒还没回复的人" with two 已回复 in sight, for one person added later.
  describe('with others told or answered, those left out are counted', () => {
    const publishedAt = at('2026-11-23T02:00:00Z')
    const answered = (id: string, rsvp: 'attend' | 'leave') => ({ ...invitee(id), rsvp }) as MeetingInvitee
    const late = invitee('night', at('2026-11-23T03:00:00Z'))
    const waiting = noticeState({ status: 'pending', lastError: null })
    const notices: Record<string, ReturnType<typeof noticeState>> = { read: rows.read, night: waiting, li: rows.read, yin: waiting, zhao: waiting }
    const noticeOf = (i: MeetingInvitee) => notices[i.personId]
    const wordsFor = (all: MeetingInvitee[], asked: MeetingInvitee[]) =>
      nudgeHeldWords(splitForNudge(asked, noticeOf, now, 60), ZONE, nudgeOthers(all, asked, noticeOf, publishedAt))

    it('says 发布后加入 when the others were sent theirs and the one waiting was added after publishing', () => {
      const all = [answered('li', 'attend'), answered('read', 'leave'), late]
      expect(nudgeOthers(all, [late], noticeOf, publishedAt)).to.deep.equal({ told: 2, sent: 2, publishedAt })
      expect(wordsFor(all, [late])).to.equal('1 人是发布后加入的，通知会自动发出，不用您操作；发出后如果还没回复，可以再提醒')
    })

    it('counts without a reason it does not know: others answered but theirs waited too, or the one waiting was there from the start', () => {
      // 尹 and 赵 answered in the mini-program before their notices went out: being added later is not known to be why.
      expect(wordsFor([answered('yin', 'attend'), answered('zhao', 'leave'), late], [late])).to.equal(
        '1 人的通知待发送，会自动发出，不用您操作；发出后如果还没回复，可以再提醒',
      )
      const fromTheStart = invitee('night', publishedAt)
      expect(wordsFor([answered('li', 'attend'), fromTheStart], [fromTheStart])).to.equal(
        '1 人的通知待发送，会自动发出，不用您操作；发出后如果还没回复，可以再提醒',
      )
      // A reason from the outbox is said as it is.
      const night = split(['night'])
      expect(nudgeHeldWords(night, ZONE, { told: 2, sent: 2, publishedAt })).to.equal(
        '1 人的通知待发送（夜间免打扰，8:00 后发送），会自动发出，不用您操作；发出后如果还没回复，可以再提醒',
      )
    })

    it('promises no sending by itself for a notice that waits on the deputy subscribing again', () => {
      const unsubscribed = noticeState({ status: 'pending', lastError: null, waitingReason: '对方尚未订阅小程序消息，且没有其他可用渠道' })
      const held = splitForNudge([late], () => unsubscribed, now, 60)
      expect(nudgeHeldWords(held, ZONE)).to.equal('通知待发送（对方尚未订阅小程序消息，且没有其他可用渠道），发出后可以提醒还没回复的人')
    })

    it('does not count the withdrawn, or those still waiting on their own notice', () => {
      const gone = { ...answered('li', 'attend'), withdrawn: { at: now, reason: 'left_office' } } as unknown as MeetingInvitee
      expect(nudgeOthers([gone, invitee('zhao'), late], [late], noticeOf, publishedAt)).to.deep.equal({ told: 0, sent: 0, publishedAt })
      expect(wordsFor([gone, late], [late]), 'the notice waits for everyone: one reason, no count').to.equal(
        '通知待发送，会自动发出，不用您操作；发出后可以提醒还没回复的人',
      )
    })
  })
})
