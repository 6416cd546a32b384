import { computed } from 'vue'
import { useRouter } from 'vue-router'
import { session } from '../../session'
import type { Filters } from './dashboard-data'

// How the dashboard's parts (Dashboard.vue and its cards) colour a count and where a count leads.

/** The messages a figure, a bar or a row counts: the inbox with those very filters. */
export const listOf = (filters: Filters) => ({ path: '/cases', query: filters })

/** Opens the inbox a bar or a row counts (setup only: it takes the page's router). */
export function useOpenList() {
  const router = useRouter()
  return (filters: Filters) => router.push(listOf(filters))
}

/** 超期's red, as the figures and the table say it. */
export const OVERDUE_RED = '#b91c1c'

// Red only when something is there: a red 0 reads as an alarm.
export const alarm = (count: number) => (count > 0 ? 'danger' : '')

// A station clerk (station_staff) reads her station's day: what waits for her first.
export const clerk = computed(() => session.staff?.role === 'station_staff')
export const manyStations = computed(() => (session.staff?.stationIds.length ?? 0) > 1)
