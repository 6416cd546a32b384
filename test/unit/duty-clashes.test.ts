import { expect } from 'chai'
import { clashLine, meetingDays } from '../../src/domain/duty-clashes.js'
import type { MeetingInvitee, MeetingRecord } from '../../src/domain/meeting.js'

const TZ = 'Asia/Shanghai'
const beijing = (wall: string) => new Date(`${wall}+08:00`)

const meeting = (over: Partial<MeetingRecord>): MeetingRecord =>
  ({
    id: 'm1',
    title: '市人大常委会第十次会议',
    kind: 'standing_committee',
    status: 'published',
    startAt: beijing('2026-12-09T09:30:00'),
    endAt: beijing('2026-12-09T11:30:00'),
    selector: {},
    organizer: '市人大常委会办公室',
    ...over,
  }) as MeetingRecord

const invited = (over: Partial<MeetingInvitee> = {}): MeetingInvitee => ({
  meetingId: 'm1',
  personKind: 'deputy',
  personId: 'dp0004',
  name: '陈晓婷',
  rsvp: 'pending',
  reason: null,
  rsvpAt: null,
  checkedInAt: null,
  invitedAt: null,
  ...over,
})

/** What a clerk reads when her duty deputy is wanted at a meeting the same day, and when she does not. */
describe('duty days against meetings', () => {
  it('says the hours of the day the meeting takes, and whether he answered', () => {
    const [day] = meetingDays([{ meeting: meeting({}), invitation: invited({ rsvp: 'attend' }) }], { from: '2026-12-06', timeZone: TZ })
    expect(day).to.include({ deputyId: 'dp0004', date: '2026-12-09', organizer: '市人大常委会办公室' })
    expect(clashLine('陈晓婷', day)).to.equal('与会议时间冲突：陈晓婷代表当天9:30–11:30要参加“市人大常委会第十次会议”（已回复参加）')
  })

  it('writes an afternoon as the meeting pages do (14:30–17:00, 到17:00), never 下午', () => {
    const afternoon = meeting({ startAt: beijing('2026-12-09T14:30:00'), endAt: beijing('2026-12-10T17:00:00') })
    const days = meetingDays([{ meeting: afternoon, invitation: invited() }], { from: '2026-12-06', timeZone: TZ })
    expect(days.map((d) => d.words.slice(0, d.words.indexOf('要参加')))).to.deep.equal(['14:30起', '到17:00'])
    const one = meeting({ startAt: beijing('2026-12-09T14:30:00'), endAt: beijing('2026-12-09T17:00:00') })
    expect(meetingDays([{ meeting: one, invitation: invited() }], { from: '2026-12-06', timeZone: TZ })[0].words).to.match(/^14:30–17:00要参加/)
  })

  it('covers each day of a meeting of several days, and not the day after one ending at midnight', () => {
    const days = meetingDays(
      [{ meeting: meeting({ startAt: beijing('2026-12-09T14:00:00'), endAt: beijing('2026-12-12T00:00:00') }), invitation: invited() }],
      { from: '2026-12-06', timeZone: TZ },
    )
    expect(days.map((d) => [d.date, d.words.slice(0, d.words.indexOf('要参加'))])).to.deep.equal([
      ['2026-12-09', '14:00起'],
      ['2026-12-10', '全天'],
      ['2026-12-11', '全天'],
    ])
  })

  it('leaves out who is on leave (his own or recorded by staff), marked 已调离, a draft, and the station’s own 接待日', () => {
    const none = meetingDays(
      [
        { meeting: meeting({}), invitation: invited({ rsvp: 'leave', reason: '值班' }) },
        { meeting: meeting({}), invitation: invited({ staffEntry: { kind: 'leave', note: '代请假', staffId: 'sf01', staffName: '李娜' } as never }) },
        { meeting: meeting({}), invitation: invited({ withdrawn: { reason: 'moved', at: beijing('2026-12-01T09:00:00'), to: '马庄街道代表联络站' } }) },
        { meeting: meeting({ status: 'draft' }), invitation: invited() },
        { meeting: meeting({ kind: 'reception_day', selector: { stationIds: ['st001'] } }), invitation: invited() },
      ],
      { from: '2026-12-06', timeZone: TZ, stationId: 'st001' },
    )
    expect(none).to.deep.equal([])
    // Another station's 接待日 is a clash: he cannot sit at both.
    const other = meetingDays([{ meeting: meeting({ kind: 'reception_day', selector: { stationIds: ['st002'] } }), invitation: invited() }], {
      from: '2026-12-06',
      timeZone: TZ,
      stationId: 'st001',
    })
    expect(other).to.have.length(1)
  })
})
