import { onBeforeUnmount, onMounted } from 'vue'
import { localDate, nextMidnight } from '../business-zone'

/**
 * Reads a page's record again when what it shows may have gone out of date with the business day
 * (a deadline's 今天到期, a 今天已催办 that tomorrow no longer holds), for a page left open overnight:
 * - at the next business midnight, for a page left in front;
 * - when the person comes back to it (the window gets focus, the tab is shown again) on another
 *   business day than the last read, by this PC's clock;
 * - when they come back while `todayOnly()` says the page shows something only the server can say
 *   has expired: an office PC's clock may be off, so its date alone is not trusted for that.
 * `reread` reads and shows the record; what it does on failure is the page's.
 */
export function useBusinessDayRefresh(reread: () => Promise<unknown>, todayOnly: () => boolean = () => false) {
  let readOn = localDate()
  let asking = false
  let timer: ReturnType<typeof setTimeout> | undefined

  async function ask() {
    if (asking) return
    asking = true
    try {
      await reread()
      readOn = localDate()
    } finally {
      asking = false
    }
  }
  function cameBack() {
    if (document.visibilityState !== 'visible') return
    if (readOn !== localDate() || todayOnly()) void ask()
  }
  function schedule() {
    clearTimeout(timer)
    // A minute past midnight: a PC whose clock runs a little ahead still asks once the server's day has turned.
    timer = setTimeout(
      () => {
        void ask()
        schedule()
      },
      nextMidnight() - Date.now() + 60_000,
    )
  }

  onMounted(() => {
    window.addEventListener('focus', cameBack)
    document.addEventListener('visibilitychange', cameBack)
    schedule()
  })
  onBeforeUnmount(() => {
    window.removeEventListener('focus', cameBack)
    document.removeEventListener('visibilitychange', cameBack)
    clearTimeout(timer)
  })
}
