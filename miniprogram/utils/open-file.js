/**
 * Opens a file linked from a page (a meeting's 附件) on the phone: a picture full screen, a
 * document (PDF, Word, Excel, PowerPoint: what wx.openDocument reads) downloaded and shown in
 * WeChat's own reader. Anything else cannot be opened in the mini-program: its link is offered to copy, to send in a
 * WeChat chat and tap there (a link in a chat opens inside WeChat; an old reader uses no other browser).
 * Resolves with { problem: '' } once it is open, or with what went wrong in words and whether
 * copying its link could still help (`offerLink`). A file the office uploaded to the backend opens
 * through a signed link that lasts half an hour: refused (403) it is `expired`, and the page can
 * fetch the meeting again for a fresh link.
 */
const IMAGES = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp']
const DOCUMENTS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx']

const OPENED = { problem: '', offerLink: false }
const COULD_NOT_OPEN = { problem: '附件没能打开，请稍后再点一次；也可以复制链接，发到微信聊天里点开', offerLink: true }
const GONE = { problem: '附件没能下载，可能已经撤下了。请联系会议组织人员', offerLink: false }
const EXPIRED = Object.assign({}, GONE, { expired: true })
const NOT_IN_WECHAT = { problem: '这种附件在小程序里打不开，可以复制链接，发到微信聊天里点开', offerLink: true }

function extension(text) {
  const path = String(text || '')
    .split(/[?#]/)[0]
    .toLowerCase()
  const dot = path.lastIndexOf('.')
  return dot >= 0 && dot > path.lastIndexOf('/') ? path.slice(dot + 1) : ''
}

/** 'image', 'document' or 'other', by the link's file name, else by the name it was given ("议程.pdf"). */
function kindOf(file) {
  const ext = extension(file.url) || extension(file.name)
  if (IMAGES.indexOf(ext) >= 0) return 'image'
  if (DOCUMENTS.indexOf(ext) >= 0) return 'document'
  return 'other'
}

function documentType(file) {
  const ext = extension(file.url)
  return DOCUMENTS.indexOf(ext) >= 0 ? ext : extension(file.name)
}

function openFile(file) {
  return new Promise((resolve) => {
    const kind = kindOf(file)
    if (kind === 'image') {
      wx.previewImage({ urls: [file.url], current: file.url, success: () => resolve(OPENED), fail: () => resolve(COULD_NOT_OPEN) })
    } else if (kind === 'document') {
      wx.downloadFile({
        url: file.url,
        success: (res) => {
          if (res.statusCode === 403) return resolve(EXPIRED)
          if (res.statusCode !== 200) return resolve(GONE)
          wx.openDocument({
            filePath: res.tempFilePath,
            fileType: documentType(file),
            showMenu: true,
            success: () => resolve(OPENED),
            fail: () => resolve(COULD_NOT_OPEN),
          })
        },
        fail: () => resolve(COULD_NOT_OPEN),
      })
    } else {
      resolve(NOT_IN_WECHAT)
    }
  })
}

module.exports = { openFile, kindOf }
