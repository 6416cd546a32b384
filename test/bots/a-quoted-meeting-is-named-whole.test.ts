import { expect } from 'chai'
import { quotedMeeting } from '../../bots/flows/deputy-meeting-choice.js'
import type { MeetingAnswer } from '../../bots/client.js'
import { MEETING_KIND_LABELS, type MeetingRecord } from '../../src/domain/meeting.js'
import { spokenMeetingTime } from '../../src/domain/meeting-words.js'
import { noticeTexts } from '../../src/services/meetings/meeting-notices.js'
import { meetingRecord } from '../store/contract-meetings.js'

/**
 * Review 37, finding 7. 张伟 still has the 代表培训 of 6月20日 to answer. The 代表培训（第二期） of 7月3日 was cancelled,
 * and he answers "请假" under its cancellation: before, the quote was matched by part of a title ("代表培训" is inside
 * "代表培训（第二期）") and his leave went to the 6月20日 培训, which he never quoted. A quoted meeting message now names a
 * meeting only by its whole words and its time, as the message says them; anything less is asked about, never guessed.
 */
describe('bot: a quoted meeting message names a meeting only whole, by its title and its time', () => {
  const timeZone = 'Asia/Shanghai'
  const now = new Date('2026-06-15T02:00:00Z')
  const meeting = (title: string, startAt: string, over: Partial<MeetingRecord> = {}) =>
    meetingRecord({
      title,
      kind: 'training',
      startAt: new Date(startAt),
      endAt: new Date(new Date(startAt).getTime() + 2 * 3600_000),
      place: '区人大三楼会议室',
      ...over,
    })
  /** The meeting as his list gives it to the bot. */
  const listed = (m: MeetingRecord): MeetingAnswer => ({
    id: m.id,
    title: m.title,
    kindLabel: MEETING_KIND_LABELS[m.kind],
    status: 'published',
    time: spokenMeetingTime(m.startAt, m.endAt, timeZone, now),
    place: m.place,
    rsvp: 'pending',
    rsvpLabel: '待回复',
    reason: null,
    rsvpOpen: true,
    awaitsAnswer: true,
  })
  /** A message of the bot's, quoted as WeChat quotes it. */
  const quoting = (text: string) => `联络站小助手：${text}`

  const first = meeting('代表培训', '2026-06-20T01:00:00Z')
  const second = meeting('代表培训（第二期）', '2026-07-03T06:30:00Z')
  const his = [listed(first)]

  it('never takes a cancelled meeting’s notice for another whose title is part of its own', () => {
    const cancelled = noticeTexts(second, timeZone, now).cancelled('场地调整')
    expect(cancelled).to.include('代表培训（第二期）')
    expect(quotedMeeting(quoting(cancelled), his)).to.deep.equal({ kind: 'several', meetings: his })
    const invited = noticeTexts(second, timeZone, now).notice(new Date('2026-07-01T09:00:00Z'))
    expect(quotedMeeting(quoting(invited), his).kind, 'nor its invitation').to.not.equal('one')
    // A meeting message naming no title of his is none of his; a quote about no meeting is none.
    const other = noticeTexts(meeting('执法检查', '2026-06-25T01:00:00Z', { kind: 'inspection' }), timeZone, now).cancelled(null)
    expect(quotedMeeting(quoting(other), his)).to.deep.equal({ kind: 'gone' })
    expect(quotedMeeting('联络站小助手：您好', his)).to.deep.equal({ kind: 'none' })
  })

  it('takes the notice of his own meeting whole, each kind of meeting message', () => {
    const texts = noticeTexts(first, timeZone, now)
    for (const text of [
      texts.notice(new Date('2026-06-18T09:00:00Z')),
      texts.nudge(new Date('2026-06-18T09:00:00Z')),
      texts.cancelled(null),
      texts.reminder(now, { rsvp: 'pending', reason: null, checkedInAt: null }, new Date('2026-06-18T09:00:00Z'), true),
      texts.papersAdded(['议程.pdf']),
    ])
      expect(quotedMeeting(quoting(text), [...his, listed(meeting('代表培训班', '2026-06-22T01:00:00Z'))]), text).to.deep.equal({
        kind: 'one',
        meeting: his[0],
      })
  })

  it('asks which when the title matches but the time does not (a notice from before the meeting was moved)', () => {
    const moved = listed({ ...first, startAt: new Date('2026-06-21T01:00:00Z'), endAt: new Date('2026-06-21T03:00:00Z') })
    const old = noticeTexts(first, timeZone, now).notice(new Date('2026-06-18T09:00:00Z'))
    expect(quotedMeeting(quoting(old), [moved])).to.deep.equal({ kind: 'several', meetings: [moved] })
  })
})
