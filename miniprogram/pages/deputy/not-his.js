/**
 * The deputy's message page once the message is no longer his: handed on by him (转交), or taken from him while the
 * page was open or before he opened it (a case_not_his refusal, a link to no message). Where it went is said calmly in
 * place of the message, with the way back to 我的待办 (and to 我转出的留言 when he handed it on himself), keeping what he
 * had typed; not an error with 再试一次. Spread into the page (case.js).
 */

/** The server's words as a sentence, with its full stop ("…您不用再处理" read as cut short). */
const sentence = (words) => (/[。！？]$/.test(words) ? words : words + '。')

/**
 * A link that cannot bring a message (a broken id, 400) or one that is not there (404): 再试一次 could never help, and
 * "留言编号格式无效" is not his language. Said as what it is, with the way back to 我的待办.
 */
const NOT_FOUND = '找不到这条留言。'

/** Whether the refusal says he handed the message on himself: it is then in 我转出的留言 (the backend knows; no list is read). */
const handedOnByHim = (err) => (err.details || []).some((d) => d.path === 'handedOnByYou')

/**
 * Handed on (转交), the message is no longer his: the page keeps it with its 办理经过 (`timeline`, his 转交 in it), and
 * nothing of his to do: no button, no deadline.
 */
function handedOn(c, timeline) {
  return {
    c: Object.assign({}, c, {
      statusLabel: '已转交',
      // The line at the top says only where it stands now: no day of his to keep.
      standing: '已转交',
      standingParts: [{ text: '已转交', time: false }],
      replyByLine: null,
      replyByLineParts: [],
      stateNote: '',
      urgeNote: '',
      reopenNote: null,
      acknowledgeByText: '',
      replyByText: '',
      acknowledgeLate: '',
      replyLate: '',
      deadlinesNote: '',
      // Her number is for the deputy who calls her back: no longer him.
      phoneMasked: null,
      timeline: timeline,
    }),
    can: {},
    fullPhone: '',
  }
}

/** The page's handlers of the calm view (bound to its buttons), spread into the page. */
const notHisMethods = {
  /**
   * No longer his (a case_not_his refusal): where it went, in the server's words; and when he handed it on himself (the
   * refusal says so: its words do not when it went back to the station), the way to 我转出的留言, where it is listed.
   */
  showNotHis(err) {
    this.setData({ notHis: sentence(err.message), handedOnLink: handedOnByHim(err) })
  },

  /** 我转出的留言: the messages he handed on, this one among them. */
  openHandedOn() {
    wx.navigateTo({ url: '/pages/deputy/handed-on' })
  },

  /** 回到我的待办: back to it when he came from it (it reloads as it shows), else opened in this page's place. */
  backToTasks() {
    const pages = getCurrentPages()
    const before = pages[pages.length - 2]
    if (before && before.route === 'pages/deputy/index') return wx.navigateBack()
    return wx.redirectTo({ url: '/pages/deputy/index' })
  },

  /** `err`: the case_not_his refusal. What he had typed for the tap (`at`) reached nobody: it stays, with 复制. */
  takenFromHim(err, at) {
    const typed = { reply: this.data.replyText, forward: this.data.forwardNote, transfer: this.data.transferReason }
    const kept = (typed[at] || '').trim() || this.data.replyText.trim()
    this.setData({ keptText: kept, copied: '', error: '', errorAt: '', done: '', doneAt: '' })
    return this.showNotHis(err)
  },

  /** 复制: what he wrote, to paste into a chat with the station or the deputy who has it now. */
  copyKept() {
    wx.setClipboardData({
      data: this.data.keptText,
      success: () => this.setData({ copied: '已复制，可以粘贴到微信里发给联络站' }),
    })
  },
}

module.exports = { NOT_FOUND, sentence, handedOn, notHisMethods }
