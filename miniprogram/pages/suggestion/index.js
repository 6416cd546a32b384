const { request } = require('../../utils/request')
const { suggestionsService } = require('../../services/suggestions')
const when = require('../../utils/when')
const { loadPage } = require('../../utils/page-load')
const { timeApart } = require('../../utils/time-apart')

/**
 * The promised day as his other dates read ("12月10日（星期四）", when.spokenDay), not the server's bare "2026年12月10日";
 * the server's words for an older server that sends no `by`.
 */
const promisedDay = (p, withYear) => (p.by ? when.spokenDay(p.by, withYear) : p.byText)

/** "承办单位承诺12月10日（星期四）前办完，已过 3 天，还在等单位报告"; without the day when an older server gives none. */
const promisePassed = (p, withYear) =>
  (promisedDay(p, withYear) ? '承办单位承诺' + promisedDay(p, withYear) + '前办完，已过 ' : '承办单位承诺的日期已过 ') + p.daysLate + ' 天，还在等单位报告'

/** A draft says what it waits for: his 提交 (the word for his own act stays), or co-signers first. */
const DRAFT_NOTE = '还没提交：点开接着写，可以邀请附议或直接提交'

/** One line of the list: the title, the state in words, and what is urgent about it. */
function rowOf(s, box, withYear) {
  let note = ''
  if (box === 'cosign') note = '附议截止 ' + when.spokenMoment(s.cosignUntil, withYear) + '，领衔：' + s.deputy.name + ' 代表'
  else if (s.status === 'draft') note = DRAFT_NOTE
  else if (s.assignment && (s.status === 'assigned' || s.status === 'rehandling')) note = s.assignment.leadUnit.name + ' 办理，' + s.assignment.dueText
  else if (s.status === 'answered') note = '单位已答复，请您评价'
  // Past the promised day, said plainly and not as urgent: it is the unit's to report, not his to do. The day named:
  // "已过 3 天" alone left him asking since when.
  else if (s.status === 'following' && s.promise && s.promise.daysLate) note = promisePassed(s.promise, withYear)
  else if (s.status === 'following')
    note = s.promise && promisedDay(s.promise, withYear) ? '单位承诺' + promisedDay(s.promise, withYear) + '前办完' : '单位正在办理，办完后请您再评价'
  else if (s.status === 'cosigning') note = '正在征集附议，已有 ' + s.coSigners.length + ' 位代表附议'
  return {
    id: s.id,
    title: s.title,
    number: s.number || '',
    statusLabel: s.statusLabel,
    note: note,
    // "附议截止 12月2日（星期三）上午10:00，…": each date and time kept whole on its line (time-apart.js).
    noteParts: timeApart(note),
    urgent: s.status === 'answered' || /已超期/.test(note),
  }
}

/**
 * 我的建议: two tabs, mine (written or co-signed) and 待附议 (other deputies asking for co-signers).
 * A tap opens the suggestion; 写建议 starts a new one.
 */
Page({
  data: { box: 'mine', loading: true, loadError: '', errorStatus: 0, items: [], more: false },

  onLoad(query) {
    this.suggestions = suggestionsService(request)
    if (query && query.box === 'cosign') this.setData({ box: 'cosign' })
  },

  onShow() {
    return this.load()
  },

  load(more) {
    const box = this.data.box
    return loadPage(
      this,
      () => this.suggestions.list(box, more ? this.cursor : null),
      (page) => {
        this.cursor = page.nextCursor
        // A closing day in another year than the office's today is said with its year (spansYears), on each row it loads.
        // A promised day, likewise (a promise for next June says 2027年).
        const withYear = when.spansYears(page.items.map((s) => (box === 'cosign' ? s.cosignUntil : s.promise && s.promise.by)))
        const rows = page.items.map((s) => rowOf(s, box, withYear))
        this.setData({ items: more ? this.data.items.concat(rows) : rows, more: !!page.nextCursor })
      },
    )
  },

  loadMore() {
    return this.load(true)
  },

  /** 再试一次: the first page again, or the page that did not come. */
  retry() {
    return this.load(this.data.items.length > 0)
  },

  switchBox(e) {
    const box = e.currentTarget.dataset.box
    if (box === this.data.box) return
    this.setData({ box: box, items: [] })
    return this.load()
  },

  open(e) {
    wx.navigateTo({ url: '/pages/suggestion/detail?suggestionId=' + e.currentTarget.dataset.id })
  },

  write() {
    wx.navigateTo({ url: '/pages/suggestion/new' })
  },
})
