import { reactive, ref } from 'vue'
import { api } from '../api'
import { session } from '../session'
import type { RegionNode } from '../views/kit/regions'

interface Option {
  value: string
  label: string
}

/**
 * What the inbox's filters offer (her places, her stations, deputies as she types) and the names of
 * what a filter holds by id ("region:ID", "station:ID", "deputy:ID"), for the chips and for a link
 * naming any place of the city. `deputyId`: the deputy the filters hold now, kept among the choices.
 */
export function useInboxChoices(deputyId: () => string | undefined) {
  const names = reactive<Record<string, string>>({})
  const stations = ref<Option[]>([])
  const regions = ref<RegionNode[]>([])
  const deputyOptions = ref<Option[]>([])
  async function load() {
    const tree = (await api.public<{ items: RegionNode[] }>('/regions').catch(() => ({ items: [] }))).items
    // The 地点 filter offers her own places only, from her level down (a street's clerk: her street's
    // communities); the whole city's names are still read, for a link naming any place.
    regions.value = (await api.get<{ items: RegionNode[] }>('/case-places').catch(() => ({ items: tree }))).items
    const walk = (nodes: RegionNode[]) => nodes.forEach((n) => ((names[`region:${n.id}`] = n.name), walk(n.children ?? [])))
    walk(tree)
    const st = await api.get<{ items: { id: string; name: string }[] }>('/stations', { limit: 100 }).catch(() => ({ items: [] }))
    const mine = session.staff?.role === 'station_staff' ? st.items.filter((s) => session.staff!.stationIds.includes(s.id)) : st.items
    stations.value = mine.map((s) => ({ value: s.id, label: s.name }))
    st.items.forEach((s) => (names[`station:${s.id}`] = s.name))
    const held = deputyId()
    if (held && !names[`deputy:${held}`]) {
      const d = await api.get<Found>(`/deputies/${held}`).catch(() => null)
      if (d) {
        names[`deputy:${d.id}`] = d.name
        deputyOptions.value = [{ value: d.id, label: labelOf(d) }]
      }
    }
    await findDeputies('')
  }
  /**
   * A deputy in the drop-down with where he serves ("朱丽华（建设路街道代表联络站）"), or his level: two deputies
   * of one name are told apart before she picks. The chip keeps the name alone (names[]).
   */
  type Found = { id: string; name: string; levelLabel?: string; stationNames?: string[] }
  const labelOf = (d: Found) => {
    // Named by the server with him: a clerk's station list holds only hers, and he may serve at another too.
    const where = d.stationNames ?? []
    const said = where.length ? where.join('、') : d.levelLabel
    return said ? `${d.name}（${said}）` : d.name
  }
  async function findDeputies(q: string) {
    const found = await api.get<{ items: Found[] }>('/deputies', { q: q.trim() || undefined, limit: 50 }).catch(() => ({ items: [] as Found[] }))
    found.items.forEach((d) => (names[`deputy:${d.id}`] = d.name))
    const held = deputyId()
    const keep = deputyOptions.value.filter((o) => o.value === held)
    deputyOptions.value = [...keep, ...found.items.filter((d) => d.id !== held).map((d) => ({ value: d.id, label: labelOf(d) }))]
  }
  void load()
  return { names, stations, regions, deputyOptions, findDeputies }
}
