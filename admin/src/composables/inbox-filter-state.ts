import { computed, reactive, ref, watch } from 'vue'
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router'
import { INBOX_STATUS_OPTIONS, RATING_OPTIONS } from '../labels'
import { defaultOrder, filtersFrom, filtersToRange, rangeToFilters, type FilterKey, type InboxFilters } from './inbox-filters'
import { dayRangeText } from '../views/kit/time'

/**
 * The inbox's filters as the page's controls hold them, kept in the address so that a link or a
 * reload shows the same list: the address is read into the controls, and what the controls want is
 * written back. `changed` runs when the address changes (the page then reads its first page again);
 * `names` names what a filter holds by id ("station:ID", "region:ID", "deputy:ID") for its chip, and `atOffice` whose
 * offices the 在…办 filter's messages wait at, as the list's answer says it ("澜江区人大办").
 */
export function useInboxFilterState(route: RouteLocationNormalizedLoaded, router: Router, names: Record<string, string>, changed: () => void) {
  const f = reactive<InboxFilters>({})
  const range = ref<string[]>([])
  const overdueOnly = ref(false)
  const ackLateOnly = ref(false)
  const unhappyOnly = ref(false)
  function readRoute() {
    const current = filtersFrom(route.query)
    for (const key of Object.keys(f) as FilterKey[]) delete f[key]
    Object.assign(f, { order: defaultOrder(current), ...current })
    range.value = filtersToRange(current)
    overdueOnly.value = current.overdue === 'true'
    ackLateOnly.value = current.ackLate === 'true'
    unhappyOnly.value = current.unhappy === 'true'
  }
  readRoute()

  /**
   * The filters as GET /cases, the export and the address take them: nothing empty, the order only when it is not the
   * API's (newest first), or is newest first where the list's own default is due first (so a reload keeps her choice).
   */
  const wanted = computed<InboxFilters>(() => {
    const out: InboxFilters = {
      ...f,
      ...rangeToFilters(range.value),
      overdue: overdueOnly.value ? 'true' : undefined,
      ackLate: ackLateOnly.value ? 'true' : undefined,
      unhappy: unhappyOnly.value ? 'true' : undefined,
    }
    if (!range.value.length) {
      delete out.from
      delete out.to
    }
    if (out.order === 'newest' && defaultOrder(out) === 'newest') delete out.order
    for (const key of Object.keys(out) as FilterKey[]) if (!out[key]) delete out[key]
    return out
  })
  // She set 待分派, 只看已超期 or 只看未按时受理 (or took it off), and had not chosen an order of her own: the list's default order
  // follows. Watched before the address is written (below), so the address gets both at once; a change read from
  // the address (a link, a reload) has its order with it already.
  watch(
    () => defaultOrder({ status: f.status, overdue: overdueOnly.value ? 'true' : undefined, ackLate: ackLateOnly.value ? 'true' : undefined }),
    (next, before) => {
      if (defaultOrder(filtersFrom(route.query)) !== next && f.order === before) f.order = next
    },
  )
  const sameQuery = (a: InboxFilters, b: InboxFilters) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())
  // The hot issue's name is no filter: it stays in the address only while its messages are the list.
  const withIssue = (filters: InboxFilters) =>
    filters.ids && typeof route.query.issue === 'string' ? { ...filters, issue: route.query.issue } : { ...filters }
  watch(wanted, (next) => {
    if (!sameQuery(next, filtersFrom(route.query))) void router.replace({ query: withIssue(next) })
  })
  watch(
    () => route.query,
    () => {
      readRoute()
      changed()
    },
  )
  const apply = (filters: InboxFilters) => router.replace({ query: withIssue(filters) })
  function clear(key: string) {
    const rest: InboxFilters = { ...wanted.value }
    delete rest[key as FilterKey]
    // The order that came with the filter taken off goes with it.
    if (rest.order === defaultOrder(wanted.value) && defaultOrder(rest) !== rest.order) delete rest.order
    if (key === 'range') {
      delete rest.from
      delete rest.to
    }
    void apply(rest)
  }

  // ——— a hot issue's messages (在留言列表中查看), until 查看全部留言 ———
  const issueIds = computed(() => [...new Set((wanted.value.ids ?? '').split(',').filter(Boolean))])
  const issueName = computed(() => (typeof route.query.issue === 'string' ? route.query.issue : ''))
  /**
   * An issue too big for the address, listed by its place, topic and days (inboxOf): its key, under which the page
   * that opened it kept its messages in the tab. Gone, with the name, once she changes a filter (withIssue): the list
   * is then no longer the issue's.
   */
  const issueKey = computed(() => (!wanted.value.ids && typeof route.query.hotIssue === 'string' ? route.query.hotIssue : ''))
  function showAll() {
    const rest: InboxFilters = { ...wanted.value }
    // The issue's ids, or (an issue listed by its filters) those filters: every message.
    if (rest.ids) delete rest.ids
    else if (issueKey.value) for (const key of ['topic', 'regionId', 'from', 'to'] as const) delete rest[key]
    void apply(rest)
  }

  /** 正在看：the filters set, in words, each one closable. */
  const chips = computed(() => {
    const w = wanted.value
    const out: { key: string; text: string }[] = []
    if (w.q) out.push({ key: 'q', text: `查找：“${w.q}”` })
    const status = INBOX_STATUS_OPTIONS.find((s) => s.value === w.status)?.label
    if (status) out.push({ key: 'status', text: `状态：${status}` })
    if (w.open) out.push({ key: 'open', text: '未办结的留言' })
    if (w.topic) out.push({ key: 'topic', text: `主题：${w.topic}` })
    if (w.regionId) out.push({ key: 'regionId', text: `地点：${names[`region:${w.regionId}`] ?? w.regionId}` })
    if (w.districtId) out.push({ key: 'districtId', text: `区县：${names[`region:${w.districtId}`] ?? w.districtId}` })
    if (w.handledIn) out.push({ key: 'handledIn', text: `由${names[`region:${w.handledIn}`] ?? w.handledIn}办理` })
    if (w.stationId) out.push({ key: 'stationId', text: `联络站：${names[`station:${w.stationId}`] ?? w.stationId}` })
    if (w.deputyId) out.push({ key: 'deputyId', text: `代表：${names[`deputy:${w.deputyId}`] ?? w.deputyId}` })
    if (w.overdue) out.push({ key: 'overdue', text: '已超期（过了答复期限）' })
    if (w.ackLate) out.push({ key: 'ackLate', text: '未按时受理（答复期限还没到）' })
    if (w.atOffice) out.push({ key: 'atOffice', text: `在${names.atOffice || '人大办'}（联络站上报，或没有联络站）` })
    if (w.unhappy) out.push({ key: 'unhappy', text: '群众不满意' })
    if (w.rating) out.push({ key: 'rating', text: `满意度：${RATING_OPTIONS.find((r) => r.value === w.rating)?.label ?? w.rating}` })
    if (w.from || w.to) out.push({ key: 'range', text: `提交日期：${dayRangeText(filtersToRange(w))}` })
    return out
  })

  return { f, range, overdueOnly, ackLateOnly, unhappyOnly, wanted, apply, clear, issueIds, issueName, issueKey, showAll, chips }
}
