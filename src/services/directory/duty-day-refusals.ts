import { monthDayText } from '../../domain/dates.js'
import { ConflictError, UnprocessableError } from '../../errors.js'

/** A day gone by is the station's record of who sat (履职档案 counts it): no save changes it (422, nothing written). */
export function pastDutyDayError(date: string, path: string): UnprocessableError {
  const words = `${monthDayText(date)}已经过去，过去的值班记录不能再改`
  return new UnprocessableError(words, [{ path, message: words }], 'duty_day_past')
}

/**
 * A deputy's list of days saved over days that are no longer his (another save of them came first, the calendar's
 * or another list's): 409, nothing written. His days there now, in words for the clerk and as dates for programs.
 */
export function dutyDaysChangedError(deputyName: string, stationName: string, datesNow: string): ConflictError {
  const dates = datesNow ? datesNow.split(',') : []
  const now = dates.length ? `现在是${dates.map(monthDayText).join('、')}` : '现在没有安排值班日期'
  return new ConflictError(
    `${deputyName}代表在${stationName}的值班日期刚刚被别人改过，${now}。您这次的修改没有保存，请重新载入后再改`,
    [{ path: 'body.seenDutyDates', message: dates.join(',') }],
    'duty_day_changed',
  )
}
