/**
 * Photos on a form page: chosen from the album or the camera, each uploaded as soon as it is
 * picked (its progress shown), removable before the form is sent. A page mixes these methods
 * in with `photoMethods(service)`, keeps `photos` ({ path, url, progress, failed }) and
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
      const photos = this.data.photos.concat({ path: path, url: '', progress: 0, failed: '' })
      const at = photos.length - 1
      this.setData({ photos: photos })
      const set = (fields) => this.setData({ ['photos[' + at + ']']: Object.assign({}, this.data.photos[at], fields) })
      return this[service]
        .uploadPhoto(path, (progress) => set({ progress: progress }))
        .then((saved) => set({ url: saved.url, progress: 100 }))
        .catch((err) => set({ failed: err.message }))
    },

    removePhoto(e) {
      const at = Number(e.currentTarget.dataset.index)
      this.setData({ photos: this.data.photos.filter((_, i) => i !== at) })
    },
  }
}

/** Whether a photo is still on its way (the form waits for it). */
const stillUploading = (photos) => photos.some((p) => !p.url && !p.failed)

/** The links of the photos that arrived, as the form sends them. */
const uploadedUrls = (photos) => photos.filter((p) => p.url).map((p) => p.url)

module.exports = { photoMethods, stillUploading, uploadedUrls }
