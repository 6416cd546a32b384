import { deputyLevelLabel, type Deputy } from '../../domain/directory.js'
import { dutyDatesAmong, dutyDatesAt, onlyStations } from '../../domain/duty-days.js'
import { awayLine, awayState } from '../../domain/deputy-away.js'
import { homeDistrictName } from '../../domain/station-district.js'
import { maskPhone, PHONE_UNREADABLE, type PiiCipher } from '../../security/pii.js'
import type { DeputyRecord } from '../../store/ports.js'
import type { DirectoryCache } from './directory-cache.js'

/**
 * A deputy as the console sees them: the phone masked; duty days only at the stations the
 * reader looks after (`dutyByStation`), and `dutyDates` those of the station in view (or all of them).
 */
export type DeputyView = Omit<Deputy, 'phone'> & {
  phoneMasked: string | null
  dutyDates: string[]
  /** 暂停接收留言 today (`now`) or later (`ahead`), null when over or never; `awayText` says it for the console. */
  awayState: 'now' | 'ahead' | null
  awayText: string | null
  /** His level as people say it where he serves (deputyLevelLabel: 区人大代表 in a 区), by his home station's district. */
  levelLabel: string
  /** The name of each of his stations, in `stationIds` order, those the reader does not look after too. */
  stationNames: string[]
}

export type DeputyWords = (d: Pick<Deputy, 'level' | 'stationIds'>) => Pick<DeputyView, 'levelLabel' | 'stationNames'>

/**
 * His level as people say it, and the names of every station he serves at: the reader may not list those stations
 * (a clerk lists her own), so the names ride with him rather than being looked up in her station list.
 * From the cached directory: no read per deputy.
 */
export async function deputyWordsFrom(cache: Pick<DirectoryCache, 'prepared'>): Promise<DeputyWords> {
  const { stations, regions } = await cache.prepared()
  return (d) => ({
    levelLabel: deputyLevelLabel(d.level, homeDistrictName(d.stationIds, stations, regions)),
    stationNames: d.stationIds.map((id) => stations.get(id)?.name ?? '已撤销的联络站'),
  })
}

/**
 * Duty days only at the stations `mine` allows: one station's staff never read another's roster.
 * `dutyDates` are those at `stationId` when a station is in view, else at every station shown.
 */
export function deputyView(
  d: DeputyRecord,
  mine: (stationIds: readonly string[]) => boolean,
  levelOf: DeputyWords,
  today: string,
  cipher: PiiCipher,
  stationId?: string,
): DeputyView {
  const { phoneEnc, phoneIndex: _index, dutyByStation, ...rest } = d
  const shown = onlyStations(
    dutyByStation,
    d.stationIds.filter((id) => mine([id])),
  )
  const dutyDates = stationId !== undefined ? dutyDatesAt(shown, stationId) : dutyDatesAmong(shown)
  const away = { awayState: awayState(d.away, today), awayText: awayLine(d.away, today) }
  return {
    ...rest,
    ...away,
    ...levelOf(d),
    dutyByStation: shown,
    dutyDates,
    phoneMasked: phoneEnc ? (maskPhone(cipher.tryDecrypt(phoneEnc, d.id)) ?? PHONE_UNREADABLE) : null,
  }
}
