import { localDate } from '../domain/dates.js'
import type { MeetingRecord } from '../domain/meeting.js'
import type { Services } from '../services/index.js'
import { BUILT_IN_ADMIN } from '../services/bootstrap.js'
import type { Store } from '../store/ports.js'
import { toPrincipal } from '../services/accounts/auth.js'

const DAY = 86_400_000

/** The instant a wall-clock time has on a date in a time zone (two passes settle a DST edge). */
function wallClock(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const wanted = Date.UTC(y, m - 1, d, hour, minute)
  let guess = wanted
  for (let i = 0; i < 2; i++) {
    const shown = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(guess))
    const p = Object.fromEntries(shown.map((x) => [x.type, Number(x.value)]))
    guess += wanted - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
  }
  return new Date(guess)
}

/**
 * The demo's published meeting, so that `npm start` shows notices, answers and the
 * check-in code from the first minute: a standing-committee session three days ahead,
 * 09:30–11:30, for the city's higher-level deputies, with places for the public. Does
 * nothing when any meeting exists already (a restart, or a real office's data).
 */
export async function seedDemoMeeting(store: Store, services: Pick<Services, 'meetings'>, timeZone: string, now: Date): Promise<MeetingRecord | null> {
  if ((await store.meetings.search({ limit: 1 })).items.length) return null
  const admin = await store.staff.getByUsername(BUILT_IN_ADMIN)
  if (!admin) return null
  const office = toPrincipal(admin)
  const day = localDate(new Date(now.getTime() + 3 * DAY), timeZone)
  const draft = await services.meetings.create(office, {
    title: '市人大常委会第十次会议',
    kind: 'standing_committee',
    startAt: wallClock(day, 9, 30, timeZone),
    endAt: wallClock(day, 11, 30, timeZone),
    place: '市人大常委会第一会议室',
    agenda: '一、审议《青澜市城市管理条例（草案）》；二、听取市人民政府关于民生实事项目推进情况的报告；三、人事任免事项。',
    attachments: [],
    selector: { levels: ['national', 'provincial', 'city'] },
    publicSeats: 20,
    rsvpDeadline: null,
  })
  return services.meetings.publish(office, draft.id)
}
