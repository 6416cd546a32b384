// Creating an Intl formatter costs far more than using one: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

const QUARTER = 15 * 60_000
/** Per zone, by the quarter's start: a number key, where a `zone|start` string cost more than the lookup. */
const quarterOffsets = new Map<string, Map<number, number>>()
let keptQuarters = 0

/**
 * How far a time zone's wall clock is ahead of UTC at an instant, in ms.
 *
 * Asking Intl costs microseconds, and one case's deadlines and their texts ask dozens of
 * times: offsets are kept for the starts of quarter hours. No zone changes its offset more
 * than once in a quarter hour, so when both ends of one agree, the whole quarter has it.
 */
export function offsetMs(instant: number, timeZone: string): number {
  const start = Math.floor(instant / QUARTER) * QUARTER
  const first = quarterOffset(start, timeZone)
  return first === quarterOffset(start + QUARTER, timeZone) ? first : exactOffsetMs(instant, timeZone)
}

function quarterOffset(start: number, timeZone: string): number {
  let zone = quarterOffsets.get(timeZone)
  if (!zone) quarterOffsets.set(timeZone, (zone = new Map()))
  let offset = zone.get(start)
  if (offset === undefined) {
    if (keptQuarters >= 20_000) {
      for (const kept of quarterOffsets.values()) kept.clear()
      keptQuarters = 0
    }
    offset = exactOffsetMs(start, timeZone)
    zone.set(start, offset)
    keptQuarters++
  }
  return offset
}

function exactOffsetMs(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  const wholeSecond = Math.floor(instant / 1000) * 1000
  const part: Record<string, string> = {}
  for (const { type, value } of format.formatToParts(wholeSecond)) part[type] = value
  const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour) % 24, Number(part.minute), Number(part.second))
  return wall - wholeSecond
}
