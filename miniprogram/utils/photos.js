/**
 * Photos on a form page: chosen from the album or the camera, each uploaded as soon as it is
 * picked (its progress shown), sent again (重新上传) when it did not arrive, removable before the
 * form is sent. A page mixes these methods in with `photoMethods(service)`, keeps `photos`
 * ({ path, url, progress, failed, retryable }) and
 * `maxPhotos` in its data, and has `this[service].uploadPhoto(path, onProgress)`.
 */
function photoMethods(service) {
  return {
    choosePhotos() {
      const room = this.data.maxPhotos - this.data.photos.length
      if (room <= 0) return wx.showToast({ title: '最多 ' + this.data.maxPhotos + ' 张图片', icon: 'none' })
      return wx.chooseMedia({
        count: room,
        mediaType: ['image'],
        sizeType: ['compressed'],
        success: (res) => res.tempFiles.forEach((f) => this.upload(f.tempFilePath)),
      })
    },

    upload(path) {
      this.setData({ photos: this.data.photos.concat({ path: path, url: '', progress: 0, failed: '', retryable: false }) })
      return this.sendPhoto(path)
    },

    /**
     * Sends one tile's photo. The tile is found by its path at each step, not by the place it had
     * when chosen: a tile before it may be deleted while it is on its way.
     */
    sendPhoto(path) {
      const set = (fields) => {
        const at = this.data.photos.findIndex((p) => p.path === path)
        if (at >= 0) this.setData({ ['photos[' + at + ']']: Object.assign({}, this.data.photos[at], fields) })
      }
      set({ failed: '', retryable: false, progress: 0 })
      return this[service]
        .uploadPhoto(path, (progress) => set({ progress: progress }))
        .then((saved) => set({ url: saved.url, progress: 100 }))
        .catch((err) => set({ failed: err.message, retryable: mayRetry(err) }))
    },

    /** 重新上传: the same photo again, after the signal came back. */
    retryPhoto(e) {
      const photo = this.data.photos[Number(e.currentTarget.dataset.index)]
      if (photo && photo.failed) return this.sendPhoto(photo.path)
    },

    removePhoto(e) {
      const at = Number(e.currentTarget.dataset.index)
      this.setData({ photos: this.data.photos.filter((_, i) => i !== at) })
    },
  }
}

/**
 * Whether trying the same photo again can help: the network or the server failed (no answer,
 * 429, 5xx), not a photo the backend refused (too big, not a picture), which only 删除 helps.
 */
const mayRetry = (err) => !err.status || err.status === 429 || err.status >= 500

/**
 * What the form says instead of sending when a photo did not arrive ('' when all did): sent
 * without it, her message would lose the photo with nothing said. She decides: try again or delete it.
 */
function unsentPhotosText(photos) {
  const failed = photos.filter((p) => p.failed)
  if (!failed.length) return ''
  const one = failed.length === 1
  const deleteIt = one ? '删掉这张照片再提交' : '删掉没传上的照片再提交'
  const how = failed.some((p) => p.retryable) ? '可以点“重新上传”，或者' + deleteIt : '请' + deleteIt
  return '有 ' + failed.length + ' 张照片没传上。' + how
}

/** Whether a photo is still on its way (the form waits for it). */
const stillUploading = (photos) => photos.some((p) => !p.url && !p.failed)

/** The links of the photos that arrived, as the form sends them. */
const uploadedUrls = (photos) => photos.filter((p) => p.url).map((p) => p.url)

module.exports = { photoMethods, stillUploading, uploadedUrls, unsentPhotosText }
