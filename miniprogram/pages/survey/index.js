const { request } = require('../../utils/request')
const { surveysService } = require('../../services/surveys')
const { parseScanPath } = require('../../utils/scene')
const { loadPage } = require('../../utils/page-load')

// The deadline in the words of what it asks: a consultation takes opinions and a ballot votes; only a 问卷 is filled in.
const DEADLINE_VERBS = { survey: '填写', consultation: '提意见', ballot: '投票' }

/** What is open to the person (ballots first for deputies), and scanning a poster's code. */
Page({
  data: { loading: true, loadError: '', errorStatus: 0, error: '', items: [] },

  onShow() {
    return this.load()
  },

  load() {
    // A scan's refusal (error) belongs to the last visit: coming back to the list, it no longer stands.
    this.setData({ error: '' })
    return loadPage(this, () => surveysService(request).tasks(), this.show)
  },

  /** Ballots first, then questionnaires, each with its deadline in the words of what it asks. */
  show(t) {
    // Only deputies vote: a resident's bar names what she can do (问卷, as her home page's entry says), not 投票.
    const profile = wx.getStorageSync('session.profile')
    wx.setNavigationBarTitle({ title: profile && profile.deputy ? '问卷和投票' : '问卷' })
    this.setData({
      items: t.ballots.concat(t.surveys).map((s) => ({
        id: s.id,
        title: s.title,
        kindLabel: s.kindLabel,
        action: s.actionLabel,
        due: s.due.words,
        deadline: '请在' + s.closesText + (DEADLINE_VERBS[s.kind] || '填写'),
      })),
    })
  },

  open(e) {
    wx.navigateTo({ url: '/pages/survey/answer?surveyId=' + e.currentTarget.dataset.id })
  },

  scan() {
    wx.scanCode({
      success: (res) => {
        const code = parseScanPath(res.path || '').surveyCode || (String(res.result || '').match(/v(?:%3D|=)([A-Za-z0-9]{8})/) || [])[1]
        if (!code) return this.setData({ error: '这不是问卷的二维码，请扫描问卷海报上的二维码' })
        wx.navigateTo({ url: '/pages/survey/answer?code=' + code })
      },
    })
  },
})
