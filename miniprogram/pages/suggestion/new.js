const { request, newIdempotencyKey } = require('../../utils/request')
const { photoMethods, stillUploading, uploadedUrls, unsentPhotosText } = require('../../utils/photos')
const { suggestionsService } = require('../../services/suggestions')

const MAX_PHOTOS = 9

/**
 * 写建议: a title, the text, photos (uploaded as they are chosen), and residents' messages the
 * suggestion grows from (the deputy's own cases; those residents are told). Saved as a draft,
 * then the detail page invites co-signers or submits. The Idempotency-Key is kept on retries.
 */
Page(
  Object.assign(photoMethods('suggestions'), {
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

    save() {
      if (this.data.saving) return
      const title = this.data.title.trim()
      const body = this.data.body.trim()
      if (!title) return this.setData({ formError: '请写一个标题，例如：关于增设老旧小区电梯的建议' })
      if (!body) return this.setData({ formError: '请写下建议的内容' })
      if (stillUploading(this.data.photos)) return this.setData({ formError: '图片还在上传，请稍等' })
      // A photo that did not arrive is never dropped without a word: he tries again or deletes it.
      const unsent = unsentPhotosText(this.data.photos)
      if (unsent) return this.setData({ formError: unsent })
      const draft = {
        title: title,
        body: body,
        attachmentIds: uploadedUrls(this.data.photos),
        caseIds: this.data.cases.filter((c) => c.picked).map((c) => c.id),
      }
      this.setData({ saving: true, formError: '' })
      return this.suggestions
        .create(draft, this.key)
        .then((created) => wx.redirectTo({ url: '/pages/suggestion/detail?suggestionId=' + created.id }))
        .catch((err) => this.setData({ formError: err.message }))
        .then(() => this.setData({ saving: false }))
    },
  }),
)
