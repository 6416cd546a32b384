/**
 * A page's first read, for a page that shows its own 正在加载… and, when the read fails, the load-failed block
 * with 再试一次 (bind:retry="load"): every page whose data name that block `loadError`. Its `error`, where it has
 * one, is a form's or a button's refusal, never the load's. A few pages still load inline, where the read does more
 * than load (case/detail and meetings/detail send some readers to another page, deputy/case and case/list say some
 * failures otherwise, study/campaign and meetings/public refresh in place, quiz/take and survey/answer go on from
 * it, find/index reads places then stations, index/index only what a scan names). `loading` while it runs, then either `show(answer)`
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

/**
 * The methods of a page that lists its items ten or so at a time, more on demand (看更早的留言): `fetch(page, cursor)`
 * reads one page through a service, `row` shapes each item. The first page (cursor null) or the next; failing, either
 * is said in place of 看更早的留言, with 再试一次 (retry: the first page again, or the page that did not come). Shared by
 * the deputy's 我办过的留言 and 我转出的留言 so both page alike. Mix into Page({...}) with Object.assign; the page's
 * data needs `items`, `nextCursor`, `more` besides loadPage's.
 */
function pagedList(fetch, row) {
  return {
    load(cursor) {
      return loadPage(
        this,
        () => fetch(this, cursor),
        (page) => {
          const items = page.items.map(row)
          this.setData({ items: cursor ? this.data.items.concat(items) : items, nextCursor: page.nextCursor, more: Boolean(page.nextCursor) })
        },
      )
    },

    retry() {
      return this.load(this.data.items.length ? this.data.nextCursor : null)
    },

    loadMore() {
      if (this.data.nextCursor && !this.data.loading) return this.load(this.data.nextCursor)
    },

    onReachBottom() {
      return this.loadMore()
    },
  }
}

module.exports = { loadPage, pagedList }
