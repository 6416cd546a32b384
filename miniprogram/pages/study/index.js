const { request } = require('../../utils/request')
const { studyService } = require('../../services/study')
const { quizzesService } = require('../../services/quizzes')
const when = require('../../utils/when')
const { loadPage } = require('../../utils/page-load')

/** The last day to study: a campaign ending at midnight ends with the day before, as its own page says. */
const lastDay = (endsAt) => when.day(new Date(Date.parse(endsAt) - 1).toISOString())

/** What the 知识竞赛 entry says: how many quizzes she can take now, so she knows it is worth a tap. */
const quizzesWords = (answer) =>
  answer && answer.items.length ? '有 ' + answer.items.length + ' 个知识竞赛可以参加，答完能看到解析' : '学完来答题，答完能看到解析'

const progressOf = (c) => (c.itemsReached ? '已读 ' + c.itemsRead + ' / ' + c.itemsReached + ' 篇' : '还没有学习材料')

/**
 * A campaign she may follow but does not yet: its reading reaches her once she follows, so
 * "还没有学习材料" would be untrue. It says what following gives, and, for the deputies' own
 * study (open to residents as well), whose it is, in the server's words: to a resident "给人大代表的",
 * to a deputy of another district that he is not in it.
 */
const followWords = (c) => c.forWhom || '关注后能看到这个活动的学习材料'

Page({
  data: { loading: true, loadError: '', errorStatus: 0, monthLabel: '', month: [], items: [], quizzesText: '' },

  onShow() {
    return this.load()
  },

  load() {
    const study = studyService(request)
    // The quizzes only word the entry: not reaching them leaves the study page as it is.
    const quizzes = () =>
      quizzesService(request)
        .list()
        .catch(() => null)
    return loadPage(this, () => Promise.all([study.thisMonth(), study.campaigns(), quizzes()]), this.show)
  },

  show([month, answer, open]) {
    // This month's issues are shown once, at the top, with the level they come from.
    const issues = new Set(month.items.map((i) => i.id))
    this.setData({
      quizzesText: quizzesWords(open),
      monthLabel: month.monthLabel,
      month: month.items.map((i) => ({
        id: i.id,
        title: i.title,
        from: i.levelLabel + ' · ' + i.issuedBy,
        // An issue ends at midnight: its last day is the day before.
        until: lastDay(i.endsAt),
        progress: i.itemsReached ? progressOf(i) + (i.checkedIn ? '，已打卡' : '，还没打卡') : '本期材料还没发布',
        open: i.itemsReached > 0,
      })),
      items: answer.items
        .filter((c) => !issues.has(c.id))
        .map((c) => ({
          id: c.id,
          title: c.title,
          phaseLabel: c.phaseLabel,
          // Whose it is (湛河区人大常委会): a campaign of one district, listed citywide, says so.
          issuedBy: c.issuedBy,
          until: lastDay(c.endsAt),
          // One she followed and left keeps what reached her: its count, not "关注后能看到" beside reading she has.
          progress: c.canFollow && !c.following && !c.itemsReached ? followWords(c) : progressOf(c),
          following: c.following,
          // Reading reached her, she may follow it and does not: she followed it once and stopped (不再关注).
          // Said on its row, or "已读 0 / 1 篇" reads exactly as while she followed it.
          left: c.canFollow && !c.following && c.itemsReached > 0,
        })),
    })
  },

  open(e) {
    // An issue whose reading is not out yet has nothing to open.
    if (e.currentTarget.dataset.open === false) return
    wx.navigateTo({ url: '/pages/study/campaign?campaignId=' + e.currentTarget.dataset.id })
  },

  openQuizzes() {
    wx.navigateTo({ url: '/pages/quiz/index' })
  },
})
