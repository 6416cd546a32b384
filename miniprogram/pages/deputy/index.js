const { request } = require('../../utils/request')
const { deputyService } = require('../../services/deputy')
const when = require('../../utils/when')

const DUE_MARK = { overdue: '【已超期】', today: '【今天到期】', upcoming: '' }

/** 我的待办 as sections the page lists, each entry with where a tap leads. */
function sectionsOf(tasks) {
  const due = (d) => (d ? { words: d.words, mark: DUE_MARK[d.state] || '', urgent: d.state !== 'upcoming' } : null)
  const sections = [
    {
      key: 'cases',
      title: '群众留言',
      items: tasks.cases.map((c) => ({
        id: c.id,
        title: c.ticket + ' ' + (c.topic || ''),
        text: c.excerpt,
        label: c.actionLabel,
        state: c.statusLabel,
        due: due(c.due),
        url: '/pages/deputy/case?caseId=' + c.id,
      })),
    },
    {
      key: 'meetings',
      title: '会议活动',
      items: tasks.meetings.map((m) => ({
        id: m.id,
        title: m.title,
        text: when.dayTime(m.startAt) + ' ' + m.place,
        label: m.actionLabel,
        state: m.kindLabel,
        due: due(m.due),
        url: '/pages/meetings/detail?meetingId=' + m.id,
      })),
    },
    {
      key: 'ballots',
      title: '票决',
      items: tasks.ballots.map((s) => ({
        id: s.id,
        title: s.title,
        text: '截止 ' + when.dayTime(s.closesAt),
        label: s.actionLabel,
        state: s.kindLabel,
        due: due(s.due),
        url: '/pages/survey/answer?surveyId=' + s.id,
      })),
    },
    {
      key: 'surveys',
      title: '问卷和征求意见',
      items: tasks.surveys.map((s) => ({
        id: s.id,
        title: s.title,
        text: '截止 ' + when.dayTime(s.closesAt),
        label: s.actionLabel,
        state: s.kindLabel,
        due: due(s.due),
        url: '/pages/survey/answer?surveyId=' + s.id,
      })),
    },
    {
      key: 'quizzes',
      title: '知识竞赛',
      items: tasks.quizzes.map((q) => ({
        id: q.id,
        title: q.title,
        text: '截止 ' + when.dayTime(q.closesAt),
        label: q.actionLabel,
        state: '',
        due: due(q.due),
        url: '/pages/quiz/take?quizId=' + q.id,
      })),
    },
    {
      key: 'reading',
      title: '必读材料',
      items: tasks.reading.map((r) => ({
        id: r.id,
        title: r.title,
        text: r.campaignTitle,
        label: r.actionLabel,
        state: '',
        due: null,
        url: '/pages/study/item?itemId=' + r.id,
      })),
    },
  ]
  return sections.filter((s) => s.items.length)
}

Page({
  data: { loading: true, error: '', bound: false, deputy: null, bindCode: '', binding: false, total: 0, sections: [] },

  onLoad() {
    this.deputies = deputyService(request)
  },

  onShow() {
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return this.deputies
      .me()
      .then((me) => {
        this.setData({ bound: !!me.deputy, deputy: me.deputy })
        if (me.deputy) return this.loadTasks()
      })
      .catch((err) => this.setData({ error: err.message }))
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

  openDigest() {
    wx.navigateTo({ url: '/pages/deputy/digest' })
  },
})
