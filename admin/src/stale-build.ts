import { reactive } from 'vue'

/**
 * A tab opened before the console was updated (rebuilt and deployed) still runs the old build,
 * whose pages are loaded lazily from files the update removed: the server answers them 404 and
 * the click on a menu entry did nothing. The console then goes to the page wanted once more, with
 * the new build, by itself (an office expects it to just work); if that already happened lately
 * and the page still cannot load, it says 系统已更新，请刷新页面 with a 刷新 button instead, and
 * never reloads again by itself, so a broken or half-copied update cannot make it loop.
 */
export const staleBuild = reactive({
  /** The notice is shown. */
  shown: false,
  /** Where 刷新 goes: the page that could not be opened. */
  href: '',
})

/** The tab's last reload for an update (this tab only, kept across that reload). */
const RELOADED_AT = 'console.reloadedForUpdate'
/** A reload for an update this recent is not tried again: a deploy's files come together or not at all. */
const NOT_AGAIN_WITHIN_MS = 10 * 60_000

/** What a browser says when a module or its style sheet cannot be loaded (Chromium, Firefox, Safari, Vite's preload). */
const LOAD_FAILED =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Failed to load module script|Unable to preload CSS/i

/** Failures Vite reported as its preload errors (vite:preloadError), whatever the browser's words. */
const preloadFailures = new WeakSet<object>()
window.addEventListener('vite:preloadError', (event) => {
  const payload = (event as Event & { payload?: unknown }).payload
  if (payload && typeof payload === 'object') preloadFailures.add(payload)
})

/** Whether an error is a page's script or style sheet failing to load. */
export function isPageLoadFailure(err: unknown): boolean {
  if (err && typeof err === 'object' && preloadFailures.has(err)) return true
  return LOAD_FAILED.test(err instanceof Error ? err.message : String(err))
}

/** The page is being opened again: nothing more to say (the navigation's own rejection arrives after). */
let reloading = false

function lastReload(): number | null {
  try {
    return Number(sessionStorage.getItem(RELOADED_AT) ?? 0)
  } catch {
    return null // storage refused: without a way to remember, never reload by itself
  }
}

/**
 * A page the person asked for (a menu entry, a link) could not be loaded: open it again with the
 * new build, once; else say so with 刷新.
 */
export function pageCouldNotLoad(href: string) {
  const last = lastReload()
  if (last !== null && Date.now() - last > NOT_AGAIN_WITHIN_MS) {
    try {
      sessionStorage.setItem(RELOADED_AT, String(Date.now()))
      reloading = true
      window.location.assign(href)
      return
    } catch {
      // Not remembered: said instead.
    }
  }
  staleBuild.href = href
  staleBuild.shown = true
}

/**
 * A part of the page already open could not be loaded: said, never reloaded under the person's typing.
 * A navigation that failed reaches here too (its rejected promise), after pageCouldNotLoad: that one stands.
 */
export function partCouldNotLoad() {
  if (reloading || staleBuild.shown) return
  staleBuild.href = window.location.href
  staleBuild.shown = true
}
