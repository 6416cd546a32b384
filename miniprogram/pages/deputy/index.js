const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')

/** 我的待办 as sections the page lists, each entry with where a tap leads. */
function sectionsOf(tasks) {
  // The server's words say it ("已超期 2 天", "今天到期"): said once, not again in a 【】 mark before them.
  const due = (d) => (d ? { words: d.words, urgent: d.state !== 'upcoming' } : null)
  // Every kind of task is one line: its title, a line of text, the action and state words, and the page it opens.
  const row = (t, title, text, state, url) => ({ id: t.id, title, text, label: t.actionLabel, state, due: due(t.due), url })
  // As the digest words it: a close at 00:00 is the day before ("请在12月19日前（含当日）填写").
  const closing = (t, verb) => '请在' + t.closesText + verb
  const survey = (s) => row(s, s.title, closing(s, s.kind === 'ballot' ? '投票' : '填写'), s.kindLabel, '/pages/survey/answer?surveyId=' + s.id)
  const sections = [
    {
      key: 'cases',
      title: '群众留言',
      items: tasks.cases.map((c) => row(c, c.ticket + ' ' + (c.topic || ''), c.excerpt, c.statusLabel, '/pages/deputy/case?caseId=' + c.id)),
    },
    {
      key: 'meetings',
      title: '会议活动',
      // A meeting is not "due": when it is ("2天后开会") and that he has not answered (还未回复是否参加).
      items: tasks.meetings.map((m) =>
        Object.assign(row(m, m.title, (m.startText || when.dayTime(m.startAt)) + '，' + m.place, m.kindLabel, '/pages/meetings/detail?meetingId=' + m.id), {
          label: m.rsvpText || m.actionLabel,
          due: m.dayWords ? { words: m.dayWords, urgent: m.due.state !== 'upcoming' } : due(m.due),
        }),
      ),
    },
    { key: 'ballots', title: '票决', items: tasks.ballots.map(survey) },
    { key: 'surveys', title: '问卷和征求意见', items: tasks.surveys.map(survey) },
    { key: 'quizzes', title: '知识竞赛', items: tasks.quizzes.map((q) => row(q, q.title, closing(q, '答题'), '', '/pages/quiz/take?quizId=' + q.id)) },
    {
      key: 'reading',
      title: '必读材料',
      items: tasks.reading.map((r) => Object.assign(row(r, r.title, r.campaignTitle, '', '/pages/study/item?itemId=' + r.id), { due: null })),
    },
  ]
  return sections.filter((s) => s.items.length)
}

Page({
  data: { loading: true, error: '', loadError: '', bound: false, leftOffice: false, deputy: null, bindCode: '', binding: false, total: 0, sections: [] },

  onLoad() {
    this.deputies = deputyService(request)
  },

  onShow() {
    this.load()
  },

  /** Not knowing who they are or what waits for them, the page says only that, with 再试一次: never the bind form to a bound deputy, never "nothing to do". */
  load() {
    this.setData({ loading: true, error: '', loadError: '', errorStatus: 0 })
    return this.deputies
      .me()
      .then((me) => {
        this.setData({ bound: !!me.deputy, leftOffice: !me.deputy && me.leftOffice === true, deputy: me.deputy })
        // The home page reads who they are from here: one who has left office sees the resident's entries there too.
        wx.setStorageSync('session.profile', me)
        if (me.deputy) return this.loadTasks()
      })
      .catch((err) => this.setData({ loadError: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  loadTasks() {
    return this.deputies.tasks().then((tasks) => this.setData({ total: tasks.total, sections: sectionsOf(tasks) }))
  },

  onCodeInput(e) {
    this.setData({ bindCode: e.detail.value })
  },

  bind() {
    if (!/^\d{6}$/.test(this.data.bindCode.trim())) return this.setData({ error: '请输入工作人员给您的 6 位数字绑定码' })
    this.setData({ binding: true, error: '' })
    return this.deputies
      .bind(this.data.bindCode)
      .then(() => this.load())
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ binding: false }))
  },

  open(e) {
    wx.navigateTo({ url: e.currentTarget.dataset.url })
  },

  /** The messages they answered or that are closed: 我的待办 lists only what still waits on them. */
  openHandled() {
    wx.navigateTo({ url: '/pages/deputy/handled' })
  },

  openSuggestions() {
    wx.navigateTo({ url: '/pages/suggestion/index' })
  },

  openDigest() {
    wx.navigateTo({ url: '/pages/deputy/digest' })
  },

  openRecords() {
    wx.navigateTo({ url: '/pages/records/index' })
  },
})
