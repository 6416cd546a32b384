import { computed, ref } from 'vue'
import { api } from '../api'
import { session } from '../session'
import { parseReceptionHours } from '../../../src/domain/reception-days'

export interface StationInfo {
  id: string
  code: string
  name: string
  address: string | null
  receptionDays: string[]
  /** 接待时间 of every reception day ("8:30" to "11:30"), or null when none is named. */
  receptionHours: { from: string; to: string } | null
  /** When residents may come, in the server's words (the mini-program's and the chat bot's): "每星期三 8:30–11:30接待"; null with no day. */
  receptionText: string | null
}

/**
 * The stations this person works for: station staff their own; organizers and admins every
 * station (a district organizer's list is narrowed by the server where it matters). The
 * chosen one is remembered in the address (?station=) so a printout or a link shows the same.
 */
export function useStations() {
  const all = ref<StationInfo[]>([])
  const loaded = ref(false)
  const mine = computed(() => (session.staff?.role === 'station_staff' ? all.value.filter((s) => session.staff!.stationIds.includes(s.id)) : all.value))
  const options = computed(() => mine.value.map((s) => ({ value: s.id, label: s.name })))
  async function load() {
    const items: StationInfo[] = []
    let cursor: string | undefined
    do {
      const page = await api.get<{ items: StationInfo[]; nextCursor: string | null }>('/stations', { limit: 100, cursor })
      items.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    all.value = items
    loaded.value = true
  }
  return { all, mine, options, loaded, load }
}

export const WEEKDAYS: Record<string, string> = { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六', sun: '星期日' }
// A station's words are the server's (StationInfo.receptionText); a form's preview of what is not saved yet says them
// with the very function the server uses, so the dialog, the poster, the mini-program and the bot never differ.
export { receptionDaysText } from '../../../src/domain/reception-days'

/** The week's days in order, as a form's 接待日 boxes list them. */
export const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/**
 * The hours as typed, when they make a range the server will keep (read by the server's own rule, parseReceptionHours,
 * so a preview never promises what the save refuses); a preview says the days alone until then.
 */
export function typedHours(from: string, to: string): { from: string; to: string } | null {
  const read = parseReceptionHours({ from, to })
  return read.ok ? read.hours : null
}

/** Both boxes blank: no hours. Anything else goes as typed, and the server says at the box what is wrong with it. */
export const hoursToSend = (from: string, to: string) => (from.trim() || to.trim() ? { from: from.trim(), to: to.trim() } : null)
