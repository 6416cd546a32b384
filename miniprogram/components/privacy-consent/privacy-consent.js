const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { noticeLines } = require('../../utils/notice-lines')
const { timeApart } = require('../../utils/time-apart')

/**
 * The privacy notice put before a resident where what she gives is kept as hers (a named questionnaire or
 * consultation, a quiz), as 留言 puts it before her first message (pages/case/new): why she is asked here (`purpose`),
 * the short notice with her rights first, 查看全文, and what changed when she agreed to an earlier one. 我已阅读并同意
 * records her consent and tells the page (`agreed`); 不同意，返回 leaves, and nothing of hers is kept. The server
 * decides who is asked (consentNeeded, consent_required); this only shows it.
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    /** One line: what this page keeps of her, and that she can go on once she agrees. */
    purpose: { type: String, value: '' },
    /**
     * 'survey', 'consultation' or 'quiz': the short notice is her rights and what this feature keeps, who sees it and
     * how long (the server's features), not the lines about 留言 she would read as what she agrees to here.
     */
    feature: { type: String, value: '' },
  },
  /** The purpose cut around its dates and times, each kept whole on its line ("请在10:45前", time-apart.js). */
  observers: {
    purpose(words) {
      this.setData({ purposeParts: timeApart(words) })
    },
  },
  data: { purposeParts: [], loading: true, failed: '', notice: null, noticeFull: false, noticeChanged: false, busy: false, error: '' },
  lifetimes: {
    attached() {
      this.account = accountService(request)
      this.load()
    },
  },
  methods: {
    load() {
      this.setData({ loading: true, failed: '' })
      return Promise.all([this.account.me(), this.account.privacyNotice()])
        .then(([me, notice]) =>
          this.setData({
            notice: Object.assign({}, notice, { paragraphs: noticeLines(this.shortText(notice)), full: notice.text.split('\n') }),
            // She agreed to an earlier notice: this one is new to her, and said so.
            noticeChanged: Boolean(me.consentVersion) && me.consentVersion !== notice.version,
          }),
        )
        .catch((err) => this.setData({ failed: err.message }))
        .then(() => this.setData({ loading: false }))
    },
    /** This feature's own lines when the server has them; else the short notice written for 留言. */
    shortText(notice) {
      const own = this.data.feature && notice.features && notice.features[this.data.feature]
      return own || notice.summary || notice.text
    },
    toggleFull() {
      this.setData({ noticeFull: !this.data.noticeFull })
    },
    agree() {
      if (this.data.busy) return undefined
      this.setData({ busy: true, error: '' })
      return this.account
        .consent(this.data.notice.version)
        .then(() => this.triggerEvent('agreed'))
        .catch((err) => this.setData({ error: err.message }))
        .then(() => this.setData({ busy: false }))
    },
    disagree() {
      wx.navigateBack({ fail: () => wx.reLaunch({ url: '/pages/index/index' }) })
    },
  },
})
