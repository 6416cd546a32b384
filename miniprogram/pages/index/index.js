const { request } = require('../../utils/request')
const { directoryService } = require('../../services/directory')
const { accountService } = require('../../services/account')
const { deputyService } = require('../../services/deputy')
const { arrival } = require('../../utils/router')
const { parseScanPath } = require('../../utils/scene')
const { receptionLine, dayOf } = require('../../utils/words')

/**
 * 首页. Every scanned code and every notification without its own page arrives here:
 * a deputy's or station's code shows their card with one big 给代表留言 button; a
 * meeting, survey or notification goes on to its page; otherwise the entries.
 */
function stationView(station, today) {
  const deputies = (station.deputies || []).map((d) =>
    Object.assign({}, d, {
      initial: d.name.slice(0, 1),
      onDuty: (d.dutyDates || []).indexOf(today) >= 0,
      // Listed as Chinese text lists them (an array would print with an English comma).
      topicsText: (d.topics || []).join('、'),
    }),
  )
  return Object.assign({}, station, {
    days: receptionLine(station),
    deputies: deputies,
    // One away (暂停接收留言) is not named as today's duty deputy: he is not there.
    onDuty: deputies
      .filter((d) => d.onDuty && !d.awayNotice)
      .map((d) => d.name)
      .join('、'),
  })
}

/**
 * 我的待办 for the home page: how many ("待办 3 项"), and on a line of its own, in the late red, how many are late
 * ("1 条留言答复已超期，1 条留言已过受理期限"), each said as the message itself says it (答复已超期 10 天): a bare 已超期
 * left him asking what was late. Messages are counted in 条, as his chat, his digest and his 履职档案 count them; 项 is for
 * the whole 待办, which holds meetings and surveys too. Only his messages can be late: the server lists a meeting only while answers are open, a
 * survey or a quiz only while it is open, and reading and 代表建议 have no deadline there (src/services/tasks.ts). A
 * message only late in being acknowledged (state ack_late) is said apart, in its own words, never counted twice.
 */
function todoWords(tasks) {
  if (!tasks.total) return { total: '暂时没有待办', late: '' }
  const overdue = (tasks.cases || []).filter((t) => t.due && t.due.state === 'overdue').length
  const ackLate = (tasks.cases || []).filter((t) => t.due && t.due.state === 'ack_late').length
  const parts = []
  if (overdue) parts.push(overdue + ' 条留言答复已超期')
  if (ackLate) parts.push(ackLate + ' 条留言已过受理期限')
  return { total: '待办 ' + tasks.total + ' 项', late: parts.join('，') }
}

Page({
  // leftOffice: a deputy who has left office (the workbench would only thank him): no 我是人大代表 entry for him.
  data: { loading: false, error: '', deputy: null, station: null, isDeputy: false, leftOffice: false, todo: null },

  onLoad(query) {
    this.directory = directoryService(request)
    this.account = accountService(request)
    return this.arrive(query)
  },

  onShow() {
    const profile = wx.getStorageSync('session.profile')
    this.setData({ isDeputy: Boolean(profile && profile.deputy), leftOffice: Boolean(profile && profile.leftOffice) })
    if (!profile) return this.recognise()
    if (profile.deputy) return this.countTodo()
  },

  /**
   * A deputy's 代表工作台 comes first on his home page, saying what waits ("待办 2 项", and below it "1 条留言答复已超期"),
   * read as his workbench reads it. Without signal the button stays, without the count.
   */
  countTodo() {
    return deputyService(request)
      .tasks()
      .then(
        (tasks) => this.setData({ todo: todoWords(tasks) }),
        () => this.setData({ todo: null }),
      )
  },

  /**
   * A new phone has no profile until something signs in: a deputy opening straight onto the
   * home page would find no 代表工作台. Asked quietly, and only of people who already have an
   * account; without signal the page stays as it is and says nothing.
   */
  recognise() {
    return this.account.recognise().then(
      (profile) => {
        if (profile) this.setData({ isDeputy: Boolean(profile.deputy), leftOffice: Boolean(profile.leftOffice) })
        if (profile && profile.deputy) return this.countTodo()
      },
      () => {},
    )
  },

  arrive(query) {
    const where = arrival(query)
    if (where.url) {
      wx.redirectTo({ url: where.url })
      return Promise.resolve()
    }
    if (!where.deputyCode && !where.stationCode) return Promise.resolve()
    this.arrivedWith = query
    // Opened from 找我的代表 (chosen=1), not by a scan: the message she writes says she chose it, never 二维码.
    this.chosen = query.chosen === '1'
    this.setData({ loading: true, error: '', deputy: null, station: null })
    const load = where.deputyCode
      ? this.directory.deputyCard(where.deputyCode).then((deputy) =>
          this.setData({
            deputy: Object.assign({}, deputy, {
              initial: deputy.name.slice(0, 1),
              stationsText: deputy.stations.map((s) => s.name).join('、'),
              topicsText: (deputy.topics || []).join('、'),
              // While he is away her message goes to his (first) station, which is offered instead.
              awayStation: deputy.awayNotice && deputy.stations.length ? deputy.stations[0] : null,
            }),
          }),
        )
      : this.directory.stationCard(where.stationCode).then((station) => this.setData({ station: stationView(station, dayOf(Date.now())) }))
    return load.catch((err) => this.setData({ error: err.message })).then(() => this.setData({ loading: false }))
  },

  write() {
    const target = this.data.deputy ? 'deputyCode=' + this.data.deputy.code : this.data.station ? 'stationCode=' + this.data.station.code : ''
    wx.navigateTo({ url: '/pages/case/new' + (target ? '?' + target + (this.chosen ? '&chosen=1' : '') : '') })
  },

  /** He is away: she writes to his station, whose staff arrange another deputy; the station is her choice, not a code she scanned. */
  writeStation() {
    const station = this.data.deputy && this.data.deputy.awayStation
    wx.navigateTo({ url: '/pages/case/new' + (station ? '?stationCode=' + station.code + '&chosen=1' : '?deputyCode=' + this.data.deputy.code) })
  },

  scan() {
    wx.scanCode({
      onlyFromCamera: false,
      success: (res) => {
        const scene = parseScanPath(res.path || '')
        const query = {
          scene: [
            scene.deputyCode && 'd=' + scene.deputyCode,
            scene.stationCode && 's=' + scene.stationCode,
            scene.meetingCode && 'm=' + scene.meetingCode,
            scene.surveyCode && 'v=' + scene.surveyCode,
          ]
            .filter(Boolean)
            .join('&'),
        }
        if (!query.scene) return wx.showToast({ title: '这个二维码不是代表、联络站、会议或问卷的码', icon: 'none' })
        this.arrive(query)
      },
    })
  },

  /** 再试一次: the card of the code scanned. */
  retry() {
    return this.arrive(this.arrivedWith)
  },

  home() {
    this.setData({ deputy: null, station: null, error: '' })
  },

  go(e) {
    wx.navigateTo({ url: e.currentTarget.dataset.url })
  },
})
