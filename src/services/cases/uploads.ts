import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ForbiddenError, NotFoundError, UnprocessableError, UnsupportedMediaTypeError } from '../../errors.js'
import { stripImageMetadata } from '../../security/image-metadata.js'
import { SignedLinks } from '../../security/signed-links.js'
import { lazy } from '../../domain/lazy.js'
import type { UploadRepo } from '../../store/ports.js'
import { UploadLedger } from '../upload-ledger.js'

/** file-type and its tokenizers (~30 modules) load at the first upload, not at every start. */
const fileType = lazy(() => import('file-type'))

const ALLOWED: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }
export const UPLOAD_PATH = '/api/mp/uploads/'
const NAME = /^[A-Za-z0-9]{6}[A-Za-z0-9_-]{16}\.(jpg|png|webp|gif)$/

export interface UploadLinks {
  /** A keyed digest (HMAC) of a text: signs links and marks owners. */
  sign(text: string): string
  /** How long a signed link opens the image. */
  linkSeconds: number
}

/**
 * Images residents attach to a message. The type is read from the bytes, never trusted
 * from the name or header; names are random so links cannot be guessed; EXIF and other
 * metadata (the place a photo was taken) are removed before the file is written. A file
 * is served only through a short-lived signed link, handed to those who may see the case
 * (case-queries.ts), or to the person who uploaded it.
 */
export class Uploads {
  readonly dir: string
  private readonly links: SignedLinks
  private readonly ledger: UploadLedger | null
  /** `mark(ownerId)`: a short keyed digest of the uploader, put in the name so that only they can attach it. */
  constructor(
    dir: string,
    private readonly mark: (ownerId: string) => string,
    links: UploadLinks = { sign: mark, linkSeconds: 1800 },
    /** Most images one message may carry. */
    private readonly maxPerCase = 9,
    /** Where each upload is recorded, so that one nothing keeps is deleted (upload-ledger.ts); none: kept forever. */
    records: UploadRepo | null = null,
  ) {
    this.dir = resolve(dir)
    this.links = new SignedLinks(links.sign, links.linkSeconds, 'upload-link')
    this.ledger = records ? new UploadLedger(records, 'image', this.dir) : null
  }

  /** Whether an upload (URL or name) was made by this person. */
  ownedBy(urlOrName: string, ownerId: string): boolean {
    return nameOf(urlOrName).startsWith(this.ownerMark(ownerId))
  }

  /**
   * The images a person attaches (a resident's message, a unit's progress report): no more
   * than `max`, each one they uploaded themselves.
   */
  checkAttachments(urls: string[], ownerId: string, field = 'images', max = this.maxPerCase) {
    if (urls.length > max) throw new UnprocessableError(`最多附 ${max} 张图片`, [{ path: `body.${field}`, message: `最多 ${max} 张` }], 'too_many_images')
    const unknown = urls.flatMap((url, i) =>
      this.pathOf(url) && this.ownedBy(url, ownerId) ? [] : [{ path: `body.${field}[${i}]`, message: '不是您上传的图片' }],
    )
    if (unknown.length) throw new UnprocessableError('图片无效，请重新上传', unknown, 'unknown_image')
  }

  /**
   * Marks the images a message, proposal or report is about to keep (checked by checkAttachments)
   * as attached, so that they stay for as long as it does; called just before it is written. One
   * left unattached past the grace period may have been deleted meanwhile: 422, to upload again.
   * `hold` (a token of this one write): given when the store may yet refuse what keeps them, to `release` them then.
   */
  async keep(urls: string[], now: Date, field = 'images', hold?: string) {
    if (!this.ledger || !urls.length) return
    const names = urls.map(nameOf)
    const ours = names.filter((n) => NAME.test(n))
    const gone = new Set(await this.ledger.attach(ours, now, hold))
    const problems = names.flatMap((n, i) => (gone.has(n) ? [{ path: `body.${field}[${i}]`, message: '图片已过期，请重新上传' }] : []))
    if (problems.length) throw new UnprocessableError('图片无效，请重新上传', problems, 'unknown_image')
  }

  /**
   * Lets go of the images `keep(urls, now, field, hold)` marked for a message, proposal or report that the store then
   * refused (its write made nothing): deleted as any image never sent, a day later. Only those that very call marked:
   * one kept before, or by another write since (a second submission of the same photos, even in the same millisecond),
   * stays.
   */
  async release(urls: string[], hold: string) {
    if (!this.ledger || !urls.length) return
    await this.ledger.release(
      urls.map(nameOf).filter((n) => NAME.test(n)),
      hold,
    )
  }

  /** Deletes the images uploaded before the instant that nothing has kept; how many. */
  deleteUnattached(uploadedBefore: Date, now: Date): Promise<number> {
    return this.ledger ? this.ledger.deleteUnattachedBefore(uploadedBefore, now) : Promise.resolve(0)
  }

  /** Deletes a person's images that nothing has kept, however new (their data is erased); how many. */
  deleteUnattachedOf(ownerId: string, now: Date): Promise<number> {
    return this.ledger ? this.ledger.deleteUnattachedOf(ownerId, now) : Promise.resolve(0)
  }

  /**
   * The file behind a link, for whoever may open it: anyone holding a signed link that has
   * not expired, else the person who uploaded it, signed in (`uploader` resolves them; null
   * when the request names nobody).
   */
  async readable(name: string, link: { expires: unknown; sig: unknown }, now: Date, uploader: () => Promise<{ id: string } | null>) {
    const path = this.pathOf(name)
    if (!path) throw new NotFoundError('图片不存在')
    if (!this.linkOpens(name, link.expires, link.sig, now)) {
      const person = await uploader()
      if (!person || !this.ownedBy(name, person.id)) throw new ForbiddenError('图片链接已失效，请重新打开留言查看', 'image_link_invalid')
    }
    return { path, contentType: this.contentType(name) }
  }

  private ownerMark(ownerId: string) {
    return this.mark(ownerId)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 6)
  }

  async save(bytes: Buffer, ownerId: string, now: Date): Promise<{ url: string; viewUrl: string; type: string; size: number }> {
    const { fileTypeFromBuffer } = await fileType()
    const detected = await fileTypeFromBuffer(bytes)
    const ext = detected ? ALLOWED[detected.mime] : undefined
    if (!detected || !ext) throw new UnsupportedMediaTypeError('只能上传 JPG、PNG、WebP 或 GIF 图片')
    const clean = stripImageMetadata(bytes, detected.mime)
    mkdirSync(this.dir, { recursive: true })
    const name = `${this.ownerMark(ownerId)}${randomBytes(12).toString('base64url')}.${ext}`
    await this.ledger?.recordNew(name, ownerId, now)
    await writeFile(join(this.dir, name), clean, { flag: 'wx' })
    return { url: UPLOAD_PATH + name, viewUrl: this.signedLink(UPLOAD_PATH + name, now), type: detected.mime, size: clean.length }
  }

  /** The file behind one of our upload URLs or names, or null when it is not one. */
  pathOf(urlOrName: string): string | null {
    const name = nameOf(urlOrName)
    if (!NAME.test(name)) return null
    const path = join(this.dir, name)
    return existsSync(path) ? path : null
  }

  /** Deletes the file behind one of our upload URLs; anything else is left alone. */
  async remove(urlOrName: string) {
    const path = this.pathOf(urlOrName)
    if (path) await rm(path, { force: true })
  }

  /** A link to one of our uploads that opens it until linkSeconds from now; other URLs unchanged. */
  signedLink(url: string, now: Date): string {
    const name = nameOf(url)
    if (!NAME.test(name)) return url
    return `${UPLOAD_PATH}${name}?${this.links.query(name, now)}`
  }

  /** Whether a signed link's query opens this file now. */
  linkOpens(name: string, expires: unknown, sig: unknown, now: Date): boolean {
    return this.links.opens(name, expires, sig, now)
  }

  contentType(name: string) {
    const ext = name.split('.').pop()
    return Object.entries(ALLOWED).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream'
  }
}

/**
 * The owner an upload by console staff is marked with: prefixed, so that a staff id can
 * never stand for a resident's account id of the same spelling.
 */
export const staffUploader = (staffId: string) => `staff:${staffId}`

const nameOf = (urlOrName: string) => {
  const path = urlOrName.split('?')[0]
  return path.startsWith(UPLOAD_PATH) ? path.slice(UPLOAD_PATH.length) : path
}
