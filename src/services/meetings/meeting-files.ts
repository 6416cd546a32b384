import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { cleanedLine } from '../../domain/free-text.js'
import { lazy } from '../../domain/lazy.js'
import type { Attachment } from '../../domain/meeting.js'
import { ForbiddenError, NotFoundError, UnprocessableError, UnsupportedMediaTypeError } from '../../errors.js'
import { stripImageMetadata } from '../../security/image-metadata.js'
import { SignedLinks } from '../../security/signed-links.js'
import type { UploadRepo } from '../../store/ports.js'
import { staffUploader } from '../cases/uploads.js'
import { UploadLedger } from '../upload-ledger.js'

const fileType = lazy(() => import('file-type'))

/** Where the backend serves meeting files; a meeting's attachment stores this path and the file's name as its url. */
export const MEETING_FILE_PATH = '/api/mp/meeting-files/'
/** The largest file accepted: a scanned agenda of a few dozen pages. */
export const MEETING_FILE_MAX_BYTES = 20 * 1024 * 1024

/** What the office may upload, by the type read from the bytes: what wx.openDocument and wx.previewImage open on a phone. */
const KINDS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.ms-powerpoint': 'ppt',
  'image/jpeg': 'jpg',
  'image/png': 'png',
}
/** A stored file's name: the uploader's mark, 16 random characters, the type's extension. */
const FILE_NAME = `[A-Za-z0-9]{6}[A-Za-z0-9_-]{16}\\.(${Object.values(KINDS).join('|')})`
const NAME = new RegExp(`^${FILE_NAME}$`)
/** A stored attachment that is one of our files (the rest are links to other sites). */
export const MEETING_FILE_REF = new RegExp(`^${MEETING_FILE_PATH}${FILE_NAME}$`)

/** What a refused file is told, the console's own check says the same. */
export const FILE_TYPES_WORDS = '只能上传 PDF、Word、Excel、PPT 或图片'

/**
 * Files the office attaches to a meeting (议程, 会议材料), kept by the backend so that a deputy's
 * phone downloads them from the backend's own domain: WeChat downloads only from domains listed
 * in the mini-program's settings, which an office's own website seldom is. As with residents'
 * photos (cases/uploads.ts): the type is read from the bytes, names are random and marked with
 * the uploader (only they can attach a new file), and a file opens only through a short-lived
 * signed link that meeting views hand to those who may see the meeting. The link also carries the
 * name the file is shown under, so that it is saved under that name.
 */
export class MeetingFiles {
  readonly dir: string
  private readonly links: SignedLinks
  private readonly ledger: UploadLedger | null

  constructor(
    dir: string,
    /** A keyed digest (HMAC) of a text: signs links and marks uploaders. */
    private readonly sign: (text: string) => string,
    linkSeconds: number,
    readonly maxBytes = MEETING_FILE_MAX_BYTES,
    /** Where each upload is recorded, so that one no meeting keeps is deleted (upload-ledger.ts); none: kept forever. */
    records: UploadRepo | null = null,
  ) {
    this.dir = resolve(dir)
    this.links = new SignedLinks(sign, linkSeconds, 'meeting-file-link')
    this.ledger = records ? new UploadLedger(records, 'meeting_file', this.dir) : null
  }

  /** Keeps an uploaded file: `url` is what a meeting's attachment stores, `viewUrl` opens it now. */
  async save(bytes: Buffer, originalName: string, staffId: string, now: Date) {
    const type = await documentType(bytes)
    const ext = type ? KINDS[type] : undefined
    if (!type || !ext) throw new UnsupportedMediaTypeError(FILE_TYPES_WORDS)
    // A photo of the venue says nothing of where the phone was.
    const kept = stripImageMetadata(bytes, type)
    mkdirSync(this.dir, { recursive: true })
    const file = `${this.mark(staffId)}${randomBytes(12).toString('base64url')}.${ext}`
    await this.ledger?.recordNew(file, staffUploader(staffId), now)
    await writeFile(join(this.dir, file), kept, { flag: 'wx' })
    const name = shownName(originalName, ext)
    const url = MEETING_FILE_PATH + file
    return { name, url, viewUrl: this.link({ name, url }, now), type, size: kept.length }
  }

  /**
   * The attachments an organizer saves on a meeting: each uploaded file one they uploaded
   * themselves, or one the meeting had already (a colleague's, kept when the meeting is edited).
   */
  checkAttachments(attachments: Attachment[], staffId: string, already: Attachment[] = []) {
    const kept = new Set(already.map((a) => a.url))
    const refused = attachments.flatMap((a, i) =>
      !MEETING_FILE_REF.test(a.url) || kept.has(a.url) || (this.pathOf(a.url) && this.fileOf(a.url).startsWith(this.mark(staffId)))
        ? []
        : [{ path: `body.attachments[${i}].url`, message: '找不到这个上传的文件' }],
    )
    if (refused.length) throw new UnprocessableError('附件文件无效，请重新上传', refused, 'unknown_file')
  }

  /**
   * Marks the uploaded files among a meeting's attachments (checked by checkAttachments; `already`:
   * the meeting's own) as attached, just before the meeting is written, so that they stay. A file
   * removed from the form before saving is never marked, and goes after the grace period; one left
   * unattached that long may have gone meanwhile: 422, to upload again.
   */
  async keep(attachments: Attachment[], now: Date, already: Attachment[] = []) {
    if (!this.ledger) return
    // Those the meeting had are kept already (or older than the records, and kept for good).
    const had = new Set(already.map((a) => a.url))
    const ours = attachments.map((a) => (MEETING_FILE_REF.test(a.url) && !had.has(a.url) ? this.fileOf(a.url) : null))
    const files = ours.filter((f): f is string => !!f)
    const gone = new Set(await this.ledger.attach(files, now))
    const refused = ours.flatMap((f, i) => (f && gone.has(f) ? [{ path: `body.attachments[${i}].url`, message: '文件已过期，请重新上传' }] : []))
    if (refused.length) throw new UnprocessableError('附件文件无效，请重新上传', refused, 'unknown_file')
  }

  /** Deletes the files uploaded before the instant that no meeting has kept; how many. */
  deleteUnattached(uploadedBefore: Date, now: Date): Promise<number> {
    return this.ledger ? this.ledger.deleteUnattachedBefore(uploadedBefore, now) : Promise.resolve(0)
  }

  /** The link an attachment opens with now: ours signed for a while, a link to another site as it is. */
  link(a: Attachment, now: Date): string {
    if (!MEETING_FILE_REF.test(a.url)) return a.url
    const file = this.fileOf(a.url)
    return `${a.url}?name=${encodeURIComponent(a.name)}&${this.links.query(subject(file, a.name), now)}`
  }

  /** The file behind a signed link, with its type and the name to save it under; 403 for any other link. */
  readable(file: string, link: { name: unknown; expires: unknown; sig: unknown }, now: Date) {
    const path = this.pathOf(file)
    if (!path) throw new NotFoundError('附件不存在，可能已经撤下了')
    const name = typeof link.name === 'string' ? link.name : ''
    if (!this.links.opens(subject(file, name), link.expires, link.sig, now))
      throw new ForbiddenError('附件链接已失效，请回到会议页面重新打开附件', 'file_link_invalid')
    const ext = file.split('.').pop()!
    const type = Object.entries(KINDS).find(([, e]) => e === ext)![0]
    // Saved on a computer, a file needs its extension to open: "会场位置图" is saved as 会场位置图.png.
    const shown = shownName(name, ext)
    return { path, type, name: shown.toLowerCase().endsWith(`.${ext}`) || (ext === 'jpg' && /\.jpeg$/i.test(shown)) ? shown : `${shown}.${ext}` }
  }

  /** The stored file behind one of our names or attachment urls, or null. */
  pathOf(urlOrFile: string): string | null {
    const file = this.fileOf(urlOrFile)
    if (!NAME.test(file)) return null
    const path = join(this.dir, file)
    return existsSync(path) ? path : null
  }

  private fileOf(urlOrFile: string) {
    return urlOrFile.startsWith(MEETING_FILE_PATH) ? urlOrFile.slice(MEETING_FILE_PATH.length) : urlOrFile
  }

  /** A short keyed digest of the staff member who uploaded it, put at the start of the file's name. */
  private mark(staffId: string) {
    return this.sign(`meeting-file-owner:${staffId}`)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 6)
  }
}

/** What a link signs: the file and the name it is saved under ('/' never occurs in a file's name). */
const subject = (file: string, name: string) => `${file}/${name}`

/**
 * The name a file is shown and saved under: the one it had on the clerk's computer, without
 * folders or invisible characters, at most 100 characters (as an attachment's name), its
 * extension kept; `附件.pdf` when nothing is left.
 */
export function shownName(original: string, ext: string): string {
  const base = cleanedLine().parse(original.split(/[\\/]/).pop() ?? '')
  if (!base) return `附件.${ext}`
  if (base.length <= 100) return base
  const dot = base.lastIndexOf('.')
  const tail = dot > 0 && base.length - dot <= 6 ? base.slice(dot) : ''
  return base.slice(0, 100 - tail.length) + tail
}

/**
 * The type of a document by its bytes. file-type tells PDF, the Office Open XML files and
 * pictures apart, but calls every older Office file (.doc, .xls, .ppt) a compound file: which one
 * it is shows in the names of the streams it holds, written in UTF-16.
 */
async function documentType(bytes: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await fileType()
  const mime = (await fileTypeFromBuffer(bytes))?.mime
  if (mime !== 'application/x-cfb') return mime
  const holds = (stream: string) => bytes.includes(Buffer.from(stream, 'utf16le'))
  if (holds('WordDocument')) return 'application/msword'
  if (holds('Workbook')) return 'application/vnd.ms-excel'
  if (holds('PowerPoint Document')) return 'application/vnd.ms-powerpoint'
  return undefined
}
