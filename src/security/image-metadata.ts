/**
 * Removes what a photo says about where and when it was taken, and on which phone: EXIF
 * (with its GPS block), XMP, IPTC and comments, from JPEG, PNG and WebP. The pixels are
 * not touched (no re-encoding, no loss). A JPEG keeps one thing of its EXIF, the
 * orientation, in a new minimal block, so that a photo taken upright does not show
 * sideways. GIF carries no EXIF and is kept as it is.
 *
 * exif-be-gone (zero dependencies) was considered: its WebP path leaves the RIFF size and
 * the VP8X flags stale, which strict decoders refuse, and it drops the JPEG orientation.
 */

export function stripImageMetadata(bytes: Buffer, mime: string): Buffer {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(bytes)
    case 'image/png':
      return stripPng(bytes)
    case 'image/webp':
      return stripWebp(bytes)
    default:
      return bytes
  }
}

// ——— JPEG: segments until the scan starts; APPn other than JFIF/ICC/Adobe and COM go ———

const SOI = 0xd8
const SOS = 0xda
const APP1 = 0xe1
const COM = 0xfe
/** APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) change how pixels look. */
const KEEP_APP = new Set([0xe0, 0xe2, 0xee])

function stripJpeg(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return bytes
  const parts: Buffer[] = [bytes.subarray(0, 2)]
  let orientation: number | null = null
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return bytes // not a segment: leave the file as it came
    const marker = bytes[at + 1]
    if (marker === 0xff) {
      at++ // fill byte
      continue
    }
    if (marker === SOS) break
    const length = bytes.readUInt16BE(at + 2)
    const segment = bytes.subarray(at, at + 2 + length)
    const isApp = marker >= 0xe0 && marker <= 0xef
    if (marker === APP1) orientation ??= exifOrientation(segment.subarray(4))
    if (!(isApp && !KEEP_APP.has(marker)) && marker !== COM) parts.push(segment)
    at += 2 + length
  }
  if (orientation !== null && orientation !== 1) parts.splice(1, 0, orientationSegment(orientation))
  parts.push(bytes.subarray(at))
  return Buffer.concat(parts)
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 "Exif\0\0" payload, or null. */
function exifOrientation(payload: Buffer): number | null {
  if (payload.length < 14 || payload.toString('latin1', 0, 6) !== 'Exif\0\0') return null
  const tiff = payload.subarray(6)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o))
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o))
  try {
    const ifd = u32(4)
    const count = u16(ifd)
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12
      if (u16(entry) === 0x0112) {
        const value = u16(entry + 8)
        return value >= 1 && value <= 8 ? value : null
      }
    }
  } catch {
    // A truncated block: no orientation to keep.
  }
  return null
}

/** A big-endian EXIF block holding the orientation and nothing else. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(8, 4) // IFD0 right after the header
  tiff.writeUInt16BE(1, 8) // one entry
  tiff.writeUInt16BE(0x0112, 10) // Orientation
  tiff.writeUInt16BE(3, 12) // SHORT
  tiff.writeUInt32BE(1, 14)
  tiff.writeUInt16BE(orientation, 18)
  tiff.writeUInt32BE(0, 22) // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.from([0xff, APP1, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

// ——— PNG: chunks; text, time and EXIF chunks go ———

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME', 'dSIG'])

function stripPng(bytes: Buffer): Buffer {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return bytes
  const parts: Buffer[] = [bytes.subarray(0, 8)]
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const end = at + 12 + length
    if (end > bytes.length) return bytes
    if (!PNG_DROP.has(type)) parts.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') break
  }
  return Buffer.concat(parts)
}

// ——— WebP: RIFF chunks; EXIF and XMP go, the VP8X flags and the RIFF size follow ———

const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

function stripWebp(bytes: Buffer): Buffer {
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return bytes
  const chunks: Buffer[] = []
  let at = 12
  while (at + 8 <= bytes.length) {
    const type = bytes.toString('latin1', at, at + 4)
    const size = bytes.readUInt32LE(at + 4)
    const end = at + 8 + size + (size % 2) // chunks are padded to an even size
    if (end > bytes.length + 1) return bytes
    const chunk = Buffer.from(bytes.subarray(at, Math.min(end, bytes.length)))
    if (type === 'VP8X' && chunk.length > 8) chunk[8] &= ~(VP8X_EXIF | VP8X_XMP)
    if (type !== 'EXIF' && type !== 'XMP ') chunks.push(chunk)
    at = end
  }
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(4 + body.length, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, body])
}
