import { computed, ref } from 'vue'
import { api } from '../api'
import { session } from '../session'

export interface StationInfo {
  id: string
  code: string
  name: string
  address: string | null
  receptionDays: string[]
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

export const WEEKDAYS: Record<string, string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }
export const receptionText = (days: string[]) => (days.length ? `每${days.map((d) => WEEKDAYS[d] ?? d).join('、')}接待群众` : '')
