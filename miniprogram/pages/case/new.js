const { request, newIdempotencyKey } = require('../../utils/request')
const { photoMethods, stillUploading, uploadedUrls } = require('../../utils/photos')
const { accountService } = require('../../services/account')
const { casesService } = require('../../services/cases')
const { directoryService } = require('../../services/directory')
const { settingsService } = require('../../services/settings')
const places = require('../../utils/places')

const ALREADY_SENT = '您刚才的留言已经送出了，后来修改的内容没有再提交。请到“我的留言”里查看。'

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
      placeList: [],
      placeLabels: [],
      placeIndex: -1,
      place: null,
      text: '',
      photos: [], // { path, url, progress, failed }
      maxPhotos: 0,
      phone: '',
      phoneBound: false,
      anonymous: false,
      publicConsent: false,
      submitting: false,
      formError: '',
      alreadySent: false,
    },

    onLoad(query) {
      this.account = accountService(request)
      this.cases = casesService(request)
      this.directory = directoryService(request)
      this.deputyCode = query.deputyCode || null
      this.stationCode = query.stationCode || null
      this.key = newIdempotencyKey()
      return this.start()
    },

    start() {
      this.setData({ stage: 'loading', error: '' })
      const settings = settingsService(request).get()
      return Promise.all([this.account.me(), this.account.privacyNotice(), this.targetName(), this.directory.regions(), settings])
        .then(([me, notice, target, regions, limits]) => {
          const list = places.flatten(regions.items)
          const chosen = places.remembered()
          const index = chosen ? list.findIndex((p) => p.id === chosen.id) : -1
          this.setData({
            notice: Object.assign({}, notice, { paragraphs: notice.text.split('\n') }),
            target: target,
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

    targetName() {
      if (this.deputyCode)
        return this.directory
          .deputyCard(this.deputyCode)
          .then((d) => d.name + ' 代表')
          .catch(() => '')
      if (this.stationCode)
        return this.directory
          .stationCard(this.stationCode)
          .then((s) => s.name)
          .catch(() => '')
      return Promise.resolve('')
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
      this.setData({ text: e.detail.value, formError: '' })
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
        .then(() => this.setData({ phoneBound: true }))
        .catch((err) => wx.showToast({ title: err.message, icon: 'none' }))
    },

    submit() {
      if (this.data.submitting) return
      const text = this.data.text.trim()
      if (!text) return this.setData({ formError: '请写下您想反映的事情' })
      if (stillUploading(this.data.photos)) return this.setData({ formError: '图片还在上传，请稍等' })
      const draft = {
        text: text,
        images: uploadedUrls(this.data.photos),
        regionId: this.data.place ? this.data.place.id : null,
        deputyCode: this.deputyCode,
        stationCode: this.stationCode,
        anonymous: this.data.anonymous,
        publicConsent: this.data.publicConsent,
        phone: this.data.phone.trim() || null,
        // The page told them "已用您微信绑定的手机号，代表可以打电话给您": the deputy gets that number.
        useAccountPhone: this.data.phoneBound,
      }
      this.setData({ submitting: true, formError: '' })
      return this.cases
        .submit(draft, this.key)
        .then((created) => {
          wx.setStorageSync('case.submitted', { id: created.id, ticket: created.ticket, routing: created.routing.summary, handledBy: created.handledBy })
          wx.redirectTo({ url: '/pages/case/result?caseId=' + created.id })
        })
        .catch((err) => {
          // The first tap's message arrived (its answer was lost) and the text was changed since:
          // the backend keeps the first one and refuses the changed copy under the same key.
          if (err.code === 'idempotency_key_reused') return this.setData({ formError: ALREADY_SENT, alreadySent: true })
          this.setData({ formError: err.message })
        })
        .then(() => this.setData({ submitting: false }))
    },

    myCases() {
      wx.navigateTo({ url: '/pages/case/list' })
    },
  }),
)
