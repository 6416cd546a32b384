import type { StationMeetingDay } from '../../services/directory/duty-clashes.js'
import type { StationBindings } from '../../services/directory/station-bindings.js'
import { meetingsRunBy } from '../../domain/duty-clashes.js'

/** A day of a meeting one of the station's deputies is expected at (the roster's 与会议时间冲突 and the day's dialog). */
export const presentStationMeetingDay = (d: StationMeetingDay) => ({
  deputyId: d.deputyId,
  deputyName: d.deputyName,
  date: d.date,
  /** "上午9:30到11:30要参加“市人大常委会第十次会议”（已回复参加）". */
  words: d.words,
  organizer: d.organizer,
  onDuty: d.onDuty,
  /** "与会议时间冲突：…" when he is on duty at the station that day; null otherwise. */
  clash: d.clash,
})

/** The station's meeting days, and who runs meetings (a station's account has none), by the office's name. */
export const presentStationMeetingDays = (days: StationMeetingDay[], office: string) => ({
  items: days.map(presentStationMeetingDay),
  meetingsRunBy: meetingsRunBy(office),
})

/** Who of a station is bound (绑定码 page): each deputy in office, the station's WeChat group, the clerk herself. */
export const presentStationBindings = (b: StationBindings) => ({
  deputies: b.deputies.map((d) => ({
    deputyId: d.deputyId,
    name: d.name,
    miniProgram: d.miniProgram,
    bot: d.bot,
    reachable: d.reachable,
    note: d.note,
  })),
  group: { bound: b.group.bound, text: b.group.text },
  me: { bound: b.me.bound, text: b.me.text },
})
