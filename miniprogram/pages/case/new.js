const { request, newIdempotencyKey } = require('../../utils/request')
const { photoMethods, stillUploading, uploadedUrls, unsentPhotosText } = require('../../utils/photos')
const { accountService } = require('../../services/account')
const { casesService } = require('../../services/cases')
const { directoryService } = require('../../services/directory')
const { settingsService } = require('../../services/settings')
const places = require('../../utils/places')
const { noticeLines } = require('../../utils/notice-lines')

/**
 * What the form says of a deputy who has left office (the home card's notice, which invites no
 * message): the message she writes here still arrives, at the station, which arranges another deputy.
 */
function leftOfficeText(d) {
  return d.name + ' 代表已离任，不再接收留言。您在这里写的留言会交给代表联络站，由工作人员安排其他代表办理。'
}

/** He is away (暂停接收留言至…): said before she writes, where a message to one who left office is. */
function awayText(d) {
  return d.name + ' 代表' + d.awayNotice + '。您在这里写的留言会交给代表联络站，由工作人员安排其他代表办理。'
}

/**
 * The lines written for 留言, one screen in 关怀模式; the chat's longer summary only from a backend without them. The
 * whole notice stays one tap away (查看全文).
 */
function shortText(notice) {
  return (notice.features && notice.features.message) || notice.summary || notice.text
}

const ALREADY_SENT = '您刚才的留言已经送出了，后来修改的内容没有再送出。请到“我的留言”里查看。'

/**
 * 留言. The first time, the privacy notice and consent; then the message: the place, the
 * text, photos (uploaded as they are chosen, with progress), a phone number, anonymous and
 * 同意公开. The Idempotency-Key is made once per message and kept on every retry, so a
 * submission whose answer was lost is never made twice.
 */
Page(
  Object.assign(photoMethods('cases'), {
    data: {
      stage: 'loading', // loading | notice | form | error
      error: '',
      notice: null,
      target: '',
      // The deputy of an old poster or link has left office: said on the form, before she writes.
      leftOffice: '',
      away: '',
      placeList: [],
      placeLabels: [],
      placeIndex: -1,
      place: null,
      text: '',
      photos: [], // { path, url, progress, failed }
      maxPhotos: 0,
      phone: '',
      phoneBound: false,
      // Her number came from WeChat's own button on this page just now; a number already on her account may
      // have been typed (我的信息 更正), and nothing records where it came from: then it is only "保存的".
      phoneFromWeChat: false,
      anonymous: false,
      publicConsent: false,
      submitting: false,
      formError: '',
      alreadySent: false,
      // The same words are on a message of hers still being handled: { text, caseId }, and she chooses.
      sentBefore: null,
    },

    onLoad(query) {
      this.account = accountService(request)
      this.cases = casesService(request)
      this.directory = directoryService(request)
      this.deputyCode = query.deputyCode || null
      this.stationCode = query.stationCode || null
      // Chosen in the app (找我的代表, 再写一条), not scanned: routing tells her so, never 二维码.
      this.targetChosen = query.chosen === '1'
      this.key = newIdempotencyKey()
      return this.start()
    },

    start() {
      this.setData({ stage: 'loading', error: '' })
      const settings = settingsService(request).get()
      return Promise.all([this.account.me(), this.account.privacyNotice(), this.target(), this.directory.regions(), settings])
        .then(([me, notice, target, regions, limits]) => {
          const list = places.flatten(regions.items)
          const chosen = places.remembered()
          const index = chosen ? list.findIndex((p) => p.id === chosen.id) : -1
          this.setData({
            // The short notice (her rights first) on the screen; the whole of it one tap away (查看全文).
            notice: Object.assign({}, notice, { paragraphs: noticeLines(shortText(notice)), full: notice.text.split('\n') }),
            noticeFull: false,
            // She agreed to an earlier notice: this one is new to her, and said so.
            noticeChanged: Boolean(me.consentVersion) && me.consentVersion !== notice.version,
            target: target.name,
            leftOffice: target.leftOffice,
            away: target.away || '',
            placeList: list,
            placeLabels: list.map((p) => p.label),
            placeIndex: index,
            place: index >= 0 ? list[index] : null,
            phoneBound: me.hasPhone,
            maxPhotos: limits.maxPhotos,
            stage: me.consentVersion === notice.version ? 'form' : 'notice',
          })
        })
        .catch((err) => this.setData({ stage: 'error', error: err.message }))
    },

    /** Whom she writes to, by name; for a deputy who has left office, where her message goes instead. */
    target() {
      const none = { name: '', leftOffice: '' }
      if (this.deputyCode)
        return this.directory
          .deputyCard(this.deputyCode)
          .then((d) => ({
            name: d.name + ' 代表',
            leftOffice: d.inOffice === false ? leftOfficeText(d) : '',
            away: d.inOffice !== false && d.awayNotice ? awayText(d) : '',
          }))
          .catch(() => none)
      if (this.stationCode)
        return this.directory
          .stationCard(this.stationCode)
          .then((s) => ({ name: s.name, leftOffice: '' }))
          .catch(() => none)
      return Promise.resolve(none)
    },

    toggleFullNotice() {
      this.setData({ noticeFull: !this.data.noticeFull })
    },

    agree() {
      return this.account
        .consent(this.data.notice.version)
        .then(() => this.setData({ stage: 'form' }))
        .catch((err) => wx.showToast({ title: err.message, icon: 'none' }))
    },

    disagree() {
      wx.navigateBack({ fail: () => wx.reLaunch({ url: '/pages/index/index' }) })
    },

    onPlace(e) {
      places.choose(this, e)
    },

    onText(e) {
      // Other words are another message: the question about the earlier one no longer stands.
      this.setData({ text: e.detail.value, formError: '', sentBefore: null })
    },

    onPhone(e) {
      this.setData({ phone: e.detail.value })
    },

    onAnonymous(e) {
      this.setData({ anonymous: Boolean(e.detail.value) })
    },

    onPublic(e) {
      this.setData({ publicConsent: Boolean(e.detail.value) })
    },

    /** WeChat's own phone button: the backend exchanges the code for the number. */
    onPhoneNumber(e) {
      if (!e.detail || !e.detail.code) return wx.showToast({ title: '没有取得手机号，您也可以直接填写', icon: 'none' })
      return this.account
        .addPhone(e.detail.code)
        .then(() => this.setData({ phoneBound: true, phoneFromWeChat: true }))
        .catch((err) => wx.showToast({ title: err.message, icon: 'none' }))
    },

    submit() {
      return this.send(false)
    },

    /** 还要送: she was told she sent the same words before, and sends them again all the same. */
    sendAgain() {
      return this.send(true)
    },

    /** 不用了，去看那条: the earlier message, where she sees who has it and what was answered. */
    seeEarlier() {
      wx.redirectTo({ url: '/pages/case/detail?caseId=' + encodeURIComponent(this.data.sentBefore.caseId) })
    },

    send(again) {
      if (this.data.submitting) return
      const text = this.data.text.trim()
      if (!text) return this.setData({ formError: '请写下您想反映的事情' })
      if (stillUploading(this.data.photos)) return this.setData({ formError: '图片还在上传，请稍等' })
      // A photo that did not arrive is never dropped without a word: she tries again or deletes it.
      const unsent = unsentPhotosText(this.data.photos)
      if (unsent) return this.setData({ formError: unsent })
      const draft = {
        text: text,
        images: uploadedUrls(this.data.photos),
        regionId: this.data.place ? this.data.place.id : null,
        deputyCode: this.deputyCode,
        stationCode: this.stationCode,
        targetChosen: this.targetChosen,
        anonymous: this.data.anonymous,
        publicConsent: this.data.publicConsent,
        // Anonymous, no one may see her number, so none is sent: the form said the deputy cannot call.
        phone: this.data.anonymous ? null : this.data.phone.trim() || null,
        // The page told them "已用您…的电话，代表可以打电话给您": the deputy gets that number.
        useAccountPhone: this.data.phoneBound && !this.data.anonymous,
        sendAgain: again,
      }
      this.setData({ submitting: true, formError: '', sentBefore: null })
      return this.cases
        .submit(draft, this.key)
        .then((created) => {
          // Who answers and by when, as her message's page will say it: the page after sending says it first.
          wx.setStorageSync('case.submitted', {
            id: created.id,
            ticket: created.ticket,
            routing: created.routing.summary,
            handledBy: created.handledBy,
            replyByText: created.replyByText,
          })
          wx.redirectTo({ url: '/pages/case/result?caseId=' + created.id })
        })
        .catch((err) => {
          // The first tap's message arrived (its answer was lost) and the text was changed since:
          // the backend keeps the first one and refuses the changed copy under the same key.
          if (err.code === 'idempotency_key_reused') return this.setData({ formError: ALREADY_SENT, alreadySent: true })
          // She sent these words before (unsure the first went): asked in the backend's words, which name that message.
          if (err.code === 'same_message_open') return this.askSentBefore(err)
          this.setData({ formError: err.message })
        })
        .then(() => this.setData({ submitting: false }))
    },

    askSentBefore(err) {
      const earlier = (err.details || []).find((d) => d.path === 'case.id')
      if (!earlier) return this.setData({ formError: err.message })
      this.setData({ sentBefore: { text: err.message, caseId: earlier.message } }, () => wx.pageScrollTo({ selector: '#sent-before', duration: 300 }))
    },

    myCases() {
      wx.navigateTo({ url: '/pages/case/list' })
    },
  }),
)
