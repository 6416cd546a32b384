import { onBeforeUnmount, ref } from 'vue'
import { api } from '../api'
import { zoneFormat } from '../business-zone'
import type { InboxFilters } from './inbox-filters'

/** 「共 35 条」, or 「1000 条以上」: counted with the first page, kept while paging. */
export interface ListTotal {
  count: number
  more: boolean
  text: string
}

// In the business time zone, as every time of the console (the server's, not the PC's), and written as they are:
// "9:30", not "09:30".
const clockText = () => zoneFormat('zh-CN', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(new Date())

/**
 * What the inbox says beside 刷新: the list's total, the time it was read, and "有新留言到了" once
 * the newest message the filters find is no longer the one shown. New messages are told, not slipped
 * into the page under the clerk's eyes: she refreshes when she is ready. The page tells it when a page
 * was read (`pageRead`) or could not be (`readFailed`).
 */
export function useInboxRefresh(filters: () => InboxFilters) {
  const total = ref<ListTotal | null>(null)
  const loadedAt = ref('')
  const newArrived = ref(false)
  /** The newest message the filters find (one line): the list is newer than what was shown when it changes. */
  let newestSeen: string | null | undefined
  async function newestNow(): Promise<string | null> {
    const page = await api.get<{ items: { id: string }[] }>('/cases', { ...filters(), order: undefined, limit: 1 })
    return page.items[0]?.id ?? null
  }
  async function markNewest() {
    newArrived.value = false
    newestSeen = await newestNow().catch(() => undefined)
  }
  /** A page was read: the server counts with the first page only, so a later page keeps the count. */
  function pageRead(pageTotal: ListTotal | null, cursor: string | undefined) {
    if (pageTotal) total.value = pageTotal
    else if (!cursor) total.value = null
    loadedAt.value = clockText()
    void markNewest()
  }
  function readFailed() {
    total.value = null
  }

  // Asked once a minute, and only while the clerk uses the page: every request keeps a console session
  // alive, so a page left open at an empty counter must still time out after 120 idle minutes.
  let lastUsed = Date.now()
  const used = () => (lastUsed = Date.now())
  async function poll() {
    if (document.hidden || Date.now() - lastUsed > 2 * 60_000 || newestSeen === undefined || newArrived.value) return
    const newest = await newestNow().catch(() => newestSeen)
    if (newest && newest !== newestSeen) newArrived.value = true
  }
  const timer = setInterval(() => void poll(), 60_000)
  const events = ['pointerdown', 'keydown', 'wheel', 'mousemove'] as const
  events.forEach((e) => window.addEventListener(e, used, { passive: true }))
  const visible = () => !document.hidden && (used(), void poll())
  document.addEventListener('visibilitychange', visible)
  onBeforeUnmount(() => {
    clearInterval(timer)
    events.forEach((e) => window.removeEventListener(e, used))
    document.removeEventListener('visibilitychange', visible)
  })

  return { total, loadedAt, newArrived, pageRead, readFailed }
}
