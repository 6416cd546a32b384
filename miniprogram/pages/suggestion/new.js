const { request, newIdempotencyKey } = require('../../utils/request')
const { suggestionsService } = require('../../services/suggestions')

const MAX_PHOTOS = 9

/**
 * 写建议: a title, the text, photos (uploaded as they are chosen), and residents' messages the
 * suggestion grows from (the deputy's own cases; those residents are told). Saved as a draft,
 * then the detail page invites co-signers or submits. The Idempotency-Key is kept on retries.
 */
Page({
  data: { title: '', body: '', photos: [], maxPhotos: MAX_PHOTOS, cases: [], saving: false, formError: '' },

  onLoad() {
    this.suggestions = suggestionsService(request)
    this.key = newIdempotencyKey()
    // The deputy's cases to choose from; without them the form still works.
    return this.suggestions
      .myCases()
      .then((page) => this.setData({ cases: page.items.map((c) => ({ id: c.id, ticket: c.ticket, excerpt: c.excerpt, picked: false })) }))
      .catch(() => {})
  },

  onTitle(e) {
    this.setData({ title: e.detail.value, formError: '' })
  },

  onBody(e) {
    this.setData({ body: e.detail.value, formError: '' })
  },

  toggleCase(e) {
    const at = Number(e.currentTarget.dataset.index)
    this.setData({ ['cases[' + at + '].picked']: !this.data.cases[at].picked })
  },

  choosePhotos() {
    const room = MAX_PHOTOS - this.data.photos.length
    if (room <= 0) return wx.showToast({ title: '最多 ' + MAX_PHOTOS + ' 张图片', icon: 'none' })
    wx.chooseMedia({
      count: room,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => res.tempFiles.forEach((f) => this.upload(f.tempFilePath)),
    })
  },

  upload(path) {
    const photos = this.data.photos.concat({ path: path, url: '', progress: 0, failed: '' })
    const at = photos.length - 1
    this.setData({ photos: photos })
    const set = (fields) => this.setData({ ['photos[' + at + ']']: Object.assign({}, this.data.photos[at], fields) })
    return this.suggestions
      .uploadPhoto(path, (progress) => set({ progress: progress }))
      .then((saved) => set({ url: saved.url, progress: 100 }))
      .catch((err) => set({ failed: err.message }))
  },

  removePhoto(e) {
    const at = Number(e.currentTarget.dataset.index)
    this.setData({ photos: this.data.photos.filter((_, i) => i !== at) })
  },

  save() {
    if (this.data.saving) return
    const title = this.data.title.trim()
    const body = this.data.body.trim()
    if (!title) return this.setData({ formError: '请写一个标题，例如：关于增设老旧小区电梯的建议' })
    if (!body) return this.setData({ formError: '请写下建议的内容' })
    if (this.data.photos.some((p) => !p.url && !p.failed)) return this.setData({ formError: '图片还在上传，请稍等' })
    const draft = {
      title: title,
      body: body,
      attachmentIds: this.data.photos.filter((p) => p.url).map((p) => p.url),
      caseIds: this.data.cases.filter((c) => c.picked).map((c) => c.id),
    }
    this.setData({ saving: true, formError: '' })
    return this.suggestions
      .create(draft, this.key)
      .then((created) => wx.redirectTo({ url: '/pages/suggestion/detail?suggestionId=' + created.id }))
      .catch((err) => this.setData({ formError: err.message }))
      .then(() => this.setData({ saving: false }))
  },
})
