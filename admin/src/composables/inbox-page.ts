import { ref, type Ref } from 'vue'
import { api } from '../api'
import { describe } from '../views/kit/errors'
import type { InboxFilters } from './inbox-filters'
import { useInboxRefresh, type ListTotal } from './inbox-refresh'

/** A deadline in the server's words, without the nearness its tag says already ("明天" beside 明天到期). */
export interface DueDate {
  step: string
  label: string
  when: string
  note: string | null
}

/** A message as the inbox lists it, in the server's words. */
export interface InboxRow {
  id: string
  ticket: string
  excerpt: string
  status: string
  statusLabel: string
  /** The message it was merged into (合并办理), if it was. */
  mergedInto: string | null
  similarLabel: string | null
  /** 「群众不满意 2分」, 「…，重新办理」: the resident's low score in words, null otherwise. */
  unhappyText: string | null
  sla: { text: string; tone: string; dueText: string; step: string } | null
  /** Under the tag, which deadlines and when (受理 12月7日 10:00, 答复 12月25日（分派时要求）); [] once answered or ended. */
  dueDates: DueDate[]
  stationName: string | null
  /** For a message merged into another, the deputy of that one (「朱丽华」), null when she may not read it. */
  deputyName: string | null
  /** The deputy holding the message itself (null: nobody): 批量分派 sends it back as the one she saw holding it. */
  deputyId: string | null
  /** 「随 20261207-0001 办理」 under 办理代表 for a message merged into another (and that one's ticket), null otherwise. */
  handledAlong: { ticket: string; text: string } | null
  /** 「代表请假至12月5日」 while the deputy holding it is away, null otherwise. */
  deputyAway: string | null
  officeName: string | null
  createdAt: string
}
/** The days a short number ("0002") was looked for, in the server's words. */
export interface NumberSearch {
  number: string
  days: number
  text: string
}
/** Messages the searched number names that her station handed up (上报) or that moved to another station, in the server's words. */
export interface HandedUp {
  ticket: string
  kind: 'handedUp' | 'movedAway'
  text: string
}
/** Deputies in her scope the search box names, in the server's words: the 代表 filter is the way to list theirs. */
export interface DeputyNamed {
  id: string
  name: string
  text: string
}

/**
 * The inbox's list, paged by the server (GET /cases) for the filters `wanted`: its rows, what a search said beside them,
 * and 上一页/下一页/刷新. The page a clerk was on is kept with this entry of the browser's history. `names` gets the
 * names the server gives for a filter's chip (在…办's offices, a station filter).
 */
export function useInboxPage(wanted: Ref<InboxFilters>, names: Record<string, string>) {
  const items = ref<InboxRow[]>([])
  const loading = ref(false)
  // Said in place of the table: an outage must not read as "没有符合条件的留言".
  const failure = ref('')
  const nextCursor = ref<string | null>(null)
  const numberSearch = ref<NumberSearch | null>(null)
  const handedUp = ref<HandedUp[]>([])
  /** The searched number names a message outside her scope (another station's, or office's): the server's words, with the first page of the search. */
  const elsewhere = ref<string | null>(null)
  const deputyNamed = ref<DeputyNamed[]>([])
  /** The list's station filter is not hers (a typed address): the server's words, naming nothing of it. */
  const stationOutside = ref<string | null>(null)
  /** The search `handedUp` was read for: a page come back to (from a message, on reload) has none yet and asks for it. */
  let handedUpFor: string | undefined
  const cursors = ref<string[]>([]) // the cursors of the pages before this one
  let current: string | undefined
  async function load(cursor?: string) {
    loading.value = true
    current = cursor
    // The server tells where handed-away messages went with a search's first page; a later page asks for it
    // only when this list has not got it for this search: page 2 restored must say it as page 1 did.
    const q = wanted.value.q
    const asks = !!cursor && !!q && handedUpFor !== q
    try {
      const page = await api.get<{
        items: InboxRow[]
        nextCursor: string | null
        numberSearch: NumberSearch | null
        handedUp?: HandedUp[]
        elsewhere?: string | null
        atOfficeName?: string | null
        deputyNamed?: DeputyNamed[]
        stationFilter?: { id: string; name: string | null; text: string | null } | null
        total: ListTotal | null
      }>('/cases', {
        ...wanted.value,
        cursor,
        limit: 20,
        ...(asks ? { whereabouts: 'true' } : {}),
      })
      items.value = page.items
      pageRead(page.total, cursor)
      nextCursor.value = page.nextCursor
      numberSearch.value = page.numberSearch ?? null
      elsewhere.value = page.elsewhere ?? null
      // Whose offices the 在…办 filter's messages wait at, for its chip: the server knows the directory and her scope.
      if (page.atOfficeName) names.atOffice = page.atOfficeName
      deputyNamed.value = page.deputyNamed ?? []
      // A station filter named by the server: its name, or (not hers) 不在您的范围, never its id.
      if (page.stationFilter) names[`station:${page.stationFilter.id}`] = page.stationFilter.name ?? '不在您的范围'
      stationOutside.value = page.stationFilter?.text ?? null
      // Said with the first page of a search (the server reads their timelines once): kept while paging on.
      if (!cursor || asks) {
        handedUp.value = page.handedUp ?? []
        handedUpFor = q
      }
      failure.value = ''
      // Kept with this entry of the browser's history (as Vue Router advises), so that back, 返回留言列表
      // and a reload come back to this page; a new visit from the menu starts at the first.
      history.replaceState({ ...history.state, inboxPage: { cursors: [...cursors.value], cursor: cursor ?? null } }, '')
    } catch (err) {
      items.value = []
      nextCursor.value = null
      numberSearch.value = null
      elsewhere.value = null
      deputyNamed.value = []
      stationOutside.value = null
      handedUp.value = []
      handedUpFor = undefined
      readFailed()
      failure.value = describe(err, '留言列表读取失败，请稍后再试')
    } finally {
      loading.value = false
    }
  }
  // ——— 刷新, and a note when new messages arrived ———
  const { total, loadedAt, newArrived, pageRead, readFailed } = useInboxRefresh(() => wanted.value)
  /** The filters changed: their list from its first page. */
  function first() {
    cursors.value = []
    void load()
  }
  /** 刷新 reads this page again; 查看新留言 goes back to the first, where new messages are in newest order. */
  function refresh(toFirst: boolean) {
    if (toFirst) cursors.value = []
    void load(toFirst ? undefined : current)
  }
  /** This page read again, after a change made from it (一起催办, 批量分派). */
  const reload = () => load(current)
  function next() {
    cursors.value.push(current ?? '')
    void load(nextCursor.value ?? undefined)
  }
  function previous() {
    const before = cursors.value.pop()
    void load(before || undefined)
  }
  const kept = history.state?.inboxPage as { cursors: string[]; cursor: string | null } | undefined
  if (kept) cursors.value = [...kept.cursors]
  void load(kept?.cursor ?? undefined)

  return {
    items,
    loading,
    failure,
    nextCursor,
    numberSearch,
    handedUp,
    elsewhere,
    deputyNamed,
    stationOutside,
    cursors,
    total,
    loadedAt,
    newArrived,
    first,
    refresh,
    reload,
    next,
    previous,
  }
}
