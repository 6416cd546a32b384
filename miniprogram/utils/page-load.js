/**
 * A page's first read, for a page that shows its own 正在加载… and, when the read fails, the load-failed block
 * with 再试一次 (bind:retry="load"): the pages whose data name that block `loadError` (deputy/index, away and
 * digest, meetings/index, survey/index, projects/propose and rate, suggestion/rate). Pages that call it `error`
 * still load inline. `loading` while it runs, then either `show(answer)`
 * or the failure's words and status (`loadError`, `errorStatus`) for that block. `read` is a call of one of
 * the services (miniprogram/services/), never wx.request: pages do not talk to the network themselves.
 * Answers the promise of it all, so a test or a retry can wait for the page to settle.
 */
function loadPage(page, read, show) {
  page.setData({ loading: true, loadError: '', errorStatus: 0 })
  return read()
    .then((answer) => show.call(page, answer))
    .catch((err) => page.setData({ loadError: err.message, errorStatus: err.status || 0 }))
    .then(() => page.setData({ loading: false }))
}

module.exports = { loadPage }
