import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileTypeFromBuffer } from 'file-type'
import { UnsupportedMediaTypeError } from '../errors.js'

const ALLOWED: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }
export const UPLOAD_PATH = '/api/mp/uploads/'
const NAME = /^[A-Za-z0-9]{6}[A-Za-z0-9_-]{16}\.(jpg|png|webp|gif)$/

/**
 * Images residents attach to a message. The type is read from the bytes, never trusted
 * from the name or header; names are random so links cannot be guessed.
 */
export class Uploads {
  readonly dir: string
  /** `mark(ownerId)`: a short keyed digest of the uploader, put in the name so that only they can attach it. */
  constructor(
    dir: string,
    private readonly mark: (ownerId: string) => string,
  ) {
    this.dir = resolve(dir)
  }

  /** Whether an upload (URL or name) was made by this person. */
  ownedBy(urlOrName: string, ownerId: string): boolean {
    const name = urlOrName.startsWith(UPLOAD_PATH) ? urlOrName.slice(UPLOAD_PATH.length) : urlOrName
    return name.startsWith(this.ownerMark(ownerId))
  }

  private ownerMark(ownerId: string) {
    return this.mark(ownerId).replace(/[^A-Za-z0-9]/g, '').slice(0, 6)
  }

  async save(bytes: Buffer, ownerId: string): Promise<{ url: string; type: string; size: number }> {
    const detected = await fileTypeFromBuffer(bytes)
    const ext = detected ? ALLOWED[detected.mime] : undefined
    if (!detected || !ext) throw new UnsupportedMediaTypeError('只能上传 JPG、PNG、WebP 或 GIF 图片')
    mkdirSync(this.dir, { recursive: true })
    const name = `${this.ownerMark(ownerId)}${randomBytes(12).toString('base64url')}.${ext}`
    await writeFile(join(this.dir, name), bytes, { flag: 'wx' })
    return { url: UPLOAD_PATH + name, type: detected.mime, size: bytes.length }
  }

  /** The file behind one of our upload URLs or names, or null when it is not one. */
  pathOf(urlOrName: string): string | null {
    const name = urlOrName.startsWith(UPLOAD_PATH) ? urlOrName.slice(UPLOAD_PATH.length) : urlOrName
    if (!NAME.test(name)) return null
    const path = join(this.dir, name)
    return existsSync(path) ? path : null
  }

  contentType(name: string) {
    const ext = name.split('.').pop()
    return Object.entries(ALLOWED).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream'
  }
}
