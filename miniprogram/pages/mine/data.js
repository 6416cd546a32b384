const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { forgetPerson } = require('../../utils/forget')
const { myDataText } = require('../../utils/my-data-text')
const { receptionLine } = require('../../utils/words')
const { noticeLines } = require('../../utils/notice-lines')
const { loadPage } = require('../../utils/page-load')

/**
 * 我的信息 (PIPL arts. 15, 45, 46, 47): what is kept about me, shown as the page opens, with each phone I left and
 * what I may do with it; a full copy (导出) to read or keep; withdrawing my consent, and deleting my information —
 * each said plainly, the last two asked twice.
 */

/**
 * What 撤回同意 asks before it is done, short (WeChat's dialog is small grey text): what it stops and that nothing kept is
 * deleted by it; the card above the button says the whole of it (a paper under way, what goes on, 删除我的信息).
 */
const WITHDRAW_WORDS = '撤回后，不能再留言、填问卷、提意见、答题；已经保存的信息不会删掉。确定撤回吗？'

/** The stations that handle her messages, as the home page shows a station: name, address, reception days. */
const stationRows = (stations) => stations.map((s) => ({ name: s.name, address: s.address, days: receptionLine(s) }))

Page({
  // facts: what is kept, one line each ({ label, value }); phones: each number kept, with canChange (else only
  // 删掉) and a note saying why; stations: whom to ask about the rest. All read as the page opens (loading,
  // loadError), and again after each correction.
  // at: the button tapped last ('export', 'fix', 'consent', 'delete'): what it did (message) or why it could
  // not (error) is said in that button's card, where her eyes are, not at the top out of her sight.
  // editing: the phone whose box is open (改号码), one at a time; fixAt: the phone a 更正 tap was on, whose block says
  // why it did nothing.
  // exported: her full copy came (导出), to show or copy; erased: after deletion, what was removed and what kept.
  // noticeUpdated: she agreed to an earlier privacy notice; newNotice: the one in force, to read and agree to here
  // (noticeError: it did not come).
  data: {
    loading: true,
    loadError: '',
    errorStatus: 0,
    facts: [],
    phones: [],
    stations: [],
    busy: false,
    message: '',
    error: '',
    at: '',
    erased: null,
    exported: false,
    allText: '',
    notice: '',
    drafts: {},
    editing: '',
    fixAt: '',
    noticeUpdated: false,
    // consented: she agrees to a notice now; 撤回同意 is offered only then (a withdrawn one has nothing to withdraw).
    consented: true,
    newNotice: null,
    newNoticeFull: false,
    noticeError: '',
  },

  onLoad() {
    this.account = accountService(request)
    return this.load()
  },

  /** What is kept about her, without her having to ask for a copy first. */
  load() {
    return loadPage(this, () => this.account.dataOverview(), this.show)
  },

  show(kept) {
    const updated = Boolean(kept.noticeUpdated)
    this.setData({ facts: kept.facts, phones: kept.phones, stations: stationRows(kept.stations), noticeUpdated: updated, consented: kept.consented !== false })
    if (updated && !this.data.newNotice) return this.loadNotice()
    return undefined
  },

  /** The notice in force, short first (her rights), the whole of it a tap away, as the write page shows it. */
  loadNotice() {
    this.setData({ noticeError: '' })
    return this.account.privacyNotice().then(
      (n) =>
        this.setData({
          newNotice: {
            version: n.version,
            whatChanged: n.whatChanged || '',
            paragraphs: noticeLines(n.summary || n.text),
            full: n.text.split('\n'),
          },
        }),
      (err) => this.setData({ noticeError: err.message }),
    )
  },

  toggleNewNotice() {
    this.setData({ newNoticeFull: !this.data.newNoticeFull })
  },

  /** 同意 the new notice; what is kept is read again, so its line says 已同意 of this version. */
  agreeNotice() {
    const notice = this.data.newNotice
    if (!notice) return undefined
    return this.run(
      () =>
        this.account
          .consent(notice.version)
          .then(() => this.account.dataOverview())
          .then((kept) => {
            this.show(kept)
            this.setData({ message: '好了，您已同意新的个人信息保护说明。' })
          }),
      'agree',
    )
  },

  run(work, at) {
    if (this.data.busy) return
    this.setData({ busy: true, error: '', message: '', at: at })
    return work()
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  /** Her full copy: what 查看全部内容 shows and 复制全部内容 puts on her clipboard, words and dates she can read, not JSON. */
  takeCopy() {
    return this.account.exportData().then((copy) => {
      this.copy = myDataText(copy)
      this.setData({ exported: true, allText: this.data.allText ? this.copy : '' })
    })
  },

  exportData() {
    return this.run(() => this.takeCopy(), 'export')
  },

  showAll() {
    this.setData({ allText: this.data.allText ? '' : this.copy || '' })
  },

  showNotice() {
    if (this.data.notice) return this.setData({ notice: '' })
    return this.run(() => this.account.privacyNotice().then((n) => this.setData({ notice: n.title + '\n' + n.text })), 'notice')
  },

  onPhone(e) {
    this.setData({ ['drafts.' + e.currentTarget.dataset.key]: e.detail.value })
  },

  /** 改号码: the box for this phone, and only this one. */
  editPhone(e) {
    this.setData({ editing: e.currentTarget.dataset.key, error: '', message: '', at: '' })
  },

  cancelEdit(e) {
    this.setData({ editing: '', ['drafts.' + e.currentTarget.dataset.key]: '', error: '', at: '' })
  },

  savePhone(e) {
    const key = e.currentTarget.dataset.key
    const typed = String(this.data.drafts[key] || '').trim()
    if (!typed) return this.setData({ at: 'fix', fixAt: key, error: '请先在上面的框里填写新号码', message: '' })
    return this.correct(key, typed)
  },

  dropPhone(e) {
    const key = e.currentTarget.dataset.key
    return this.ask('删掉这个电话', '删掉后代表就没有这个号码联系您了。确定删掉吗？', '删掉').then((yes) => (yes ? this.correct(key, null) : undefined))
  },

  /**
   * key: "account" or a message's id; phone: the new number, or null to remove it. Then what is kept is read again
   * (and her copy, if she took one, so it does not show the old number).
   */
  correct(key, phone) {
    this.setData({ fixAt: key })
    return this.run(() => {
      const asked = key === 'account' ? this.account.correctPhone(phone) : this.account.correctCasePhone(key, phone)
      return asked.then((answer) =>
        this.account
          .dataOverview()
          .then((kept) => {
            this.show(kept)
            this.setData({ message: answer.message, ['drafts.' + key]: '', editing: '' })
          })
          .then(() => (this.copy ? this.takeCopy() : undefined)),
      )
    }, 'fix')
  },

  copyData() {
    wx.setClipboardData({ data: this.copy, success: () => wx.showToast({ title: '已复制，可以粘贴保存', icon: 'none' }) })
  },

  ask(title, content, confirmText) {
    return new Promise((resolve) =>
      wx.showModal({
        title: title,
        content: content,
        confirmText: confirmText,
        cancelText: '不了',
        success: (res) => resolve(res.confirm),
        fail: () => resolve(false),
      }),
    )
  },

  /**
   * Asked once, saying what withdrawing stops and that it deletes nothing; what is kept is read again after, so the page
   * no longer says 已同意 nor offers to withdraw again.
   */
  withdrawConsent() {
    return this.ask('撤回同意', WITHDRAW_WORDS, '撤回').then((yes) =>
      yes
        ? this.run(
            () =>
              this.account.withdrawConsent().then((answer) =>
                this.account.dataOverview().then((kept) => {
                  this.show(kept)
                  this.setData({ message: answer.message })
                }),
              ),
            'consent',
          )
        : undefined,
    )
  },

  deleteData() {
    return this.ask('删除我的信息', '删除后不能恢复：电话、图片、订阅都会清除，没办完的留言会撤回。确定删除吗？', '删除').then((yes) =>
      yes
        ? this.run(
            () =>
              this.account.deleteData().then((answer) => {
                // Logged out, and nothing of theirs left on the phone: not the last message, not where they live.
                forgetPerson()
                this.copy = ''
                this.setData({
                  message: answer.message,
                  erased: { removed: answer.removed || [], kept: answer.kept || [] },
                  facts: [],
                  phones: [],
                  allText: '',
                })
              }),
            'delete',
          )
        : undefined,
    )
  },

  /** After deletion nothing is left here to do: back to the home page, where she can start again. */
  home() {
    wx.reLaunch({ url: '/pages/index/index' })
  },
})
