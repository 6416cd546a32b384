const { request } = require('../../utils/request')
const { accountService } = require('../../services/account')
const { forgetPerson } = require('../../utils/forget')
const { myDataText } = require('../../utils/my-data-text')

/**
 * 我的信息 (PIPL arts. 15, 45, 47): a copy of everything kept about me, withdrawing my
 * consent, and deleting my information — each said plainly, the last two asked twice.
 */
/** Her account's number as the server calls it: "手机号" for a mobile, "电话" for a landline she typed. */
const accountPhoneLabel = (copy) => '账号里的' + (copy.account.phoneWord || '电话')

function phoneWords(copy) {
  const onMessages = copy.cases.filter((c) => c.phone).length
  const kept = [copy.account.phone && accountPhoneLabel(copy), onMessages && onMessages + ' 条留言里留了电话'].filter(Boolean)
  return kept.length ? '有（' + kept.join('，') + '）' : '没有'
}

/** Messages whose handling is over keep their phone unused: nothing to correct there. */
const ENDED = ['closed', 'withdrawn', 'rejected']

/** The phones she can correct, as rows of the 更正 card: the one on her account, then those on open messages. */
function fixablePhones(copy) {
  const rows = copy.account.phone ? [{ key: 'account', label: accountPhoneLabel(copy), phone: copy.account.phone }] : []
  copy.cases
    .filter((c) => c.phone && ENDED.indexOf(c.status) < 0)
    .forEach((c) => rows.push({ key: c.id, label: '留言 ' + c.ticket + ' 里的电话', phone: c.phone }))
  return rows
}

Page({
  // at: the button tapped last ('export', 'consent', 'delete'): what it did (message) or why it could
  // not (error) is said in that button's card, where her eyes are, not at the top out of her sight.
  // fixable: the phones she may correct (on her account, on messages still being handled), from her copy.
  data: { busy: false, summary: null, message: '', error: '', at: '', erased: false, allText: '', notice: '', fixable: [], drafts: {} },

  onLoad() {
    this.account = accountService(request)
  },

  run(work, at) {
    if (this.data.busy) return
    this.setData({ busy: true, error: '', message: '', at: at })
    return work()
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ busy: false }))
  },

  exportData() {
    return this.run(
      () =>
        this.account.exportData().then((copy) => {
          // What 复制全部内容 puts on her clipboard: words and dates she can read and keep, not JSON.
          this.copy = myDataText(copy)
          this.setData({
            summary: {
              cases: copy.cases.length,
              // Where each number is kept, as 我的 says it: the WeChat one on the account, others on messages.
              phone: phoneWords(copy),
              consent: copy.account.consent ? '已同意（第 ' + String(copy.account.consent.version).replace(/^v/, '') + ' 版）' : '未同意',
              surveys: copy.surveyAnswers.length,
              quizzes: copy.quizAttempts.length,
              meetings: copy.meetings.length,
              publicMeetings: (copy.publicMeetings || []).length,
              proposals: (copy.proposals || []).length,
              reading: ((copy.reading && copy.reading.reached) || []).length,
            },
            allText: this.data.allText ? this.copy : '',
            fixable: fixablePhones(copy),
          })
        }),
      'export',
    )
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

  savePhone(e) {
    const key = e.currentTarget.dataset.key
    const typed = String(this.data.drafts[key] || '').trim()
    if (!typed) return this.setData({ at: 'fix', error: '请先填写正确的电话号码', message: '' })
    return this.correct(key, typed)
  },

  dropPhone(e) {
    const key = e.currentTarget.dataset.key
    return this.ask('删掉这个电话', '删掉后代表就没有这个号码联系您了。确定删掉吗？', '删掉').then((yes) => (yes ? this.correct(key, null) : undefined))
  },

  /** key: "account" or a message's id; phone: the new number, or null to remove it. Then her copy is read again. */
  correct(key, phone) {
    const asked = key === 'account' ? this.account.correctPhone(phone) : this.account.correctCasePhone(key, phone)
    return this.run(
      () =>
        asked.then((answer) =>
          this.account.exportData().then((copy) => {
            this.copy = myDataText(copy)
            this.setData({ message: answer.message, fixable: fixablePhones(copy), ['drafts.' + key]: '' })
          }),
        ),
      'fix',
    )
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

  withdrawConsent() {
    return this.ask('撤回同意', '撤回后不能再留言，已提交的留言照常办理。确定撤回吗？', '撤回').then((yes) =>
      yes ? this.run(() => this.account.withdrawConsent().then((answer) => this.setData({ message: answer.message })), 'consent') : undefined,
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
                this.setData({ message: answer.message, erased: true, summary: null })
              }),
            'delete',
          )
        : undefined,
    )
  },
})
