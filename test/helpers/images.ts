import { createCanvas } from '@napi-rs/canvas'

/** Where the test photos say they were taken: 30°15'N, 120°10'E, as a phone writes it in EXIF. */
export const GPS_MARK = 'GPS-SECRET-PLACE'

/**
 * An EXIF block (big-endian TIFF) as a phone camera writes it: the orientation, the maker,
 * and a GPS block with latitude and a processing-method text we can look for in the bytes.
 */
export function exifBlock(orientation = 6): Buffer {
  const entries = (list: Array<[number, number, number, number | Buffer]>, at: number) => {
    // tag, type, count, value (a number that fits in 4 bytes, or bytes placed after the IFD)
    const head = Buffer.alloc(2 + list.length * 12 + 4)
    head.writeUInt16BE(list.length, 0)
    const extra: Buffer[] = []
    let extraAt = at + head.length
    list.forEach(([tag, type, count, value], i) => {
      const o = 2 + i * 12
      head.writeUInt16BE(tag, o)
      head.writeUInt16BE(type, o + 2)
      head.writeUInt32BE(count, o + 4)
      if (Buffer.isBuffer(value)) {
        head.writeUInt32BE(extraAt, o + 8)
        extra.push(value)
        extraAt += value.length
      } else if (type === 3) head.writeUInt16BE(value, o + 8)
      else head.writeUInt32BE(value, o + 8)
    })
    return Buffer.concat([head, ...extra])
  }
  const make = Buffer.from('PhoneMaker\0', 'latin1')
  const ifd0Size = 2 + 3 * 12 + 4 + make.length
  const gpsAt = 8 + ifd0Size
  const ifd0 = entries(
    [
      [0x010f, 2, make.length, make],
      [0x0112, 3, 1, orientation],
      [0x8825, 4, 1, gpsAt],
    ],
    8,
  )
  const latitude = Buffer.alloc(24)
  ;[30, 1, 15, 1, 0, 1].forEach((v, i) => latitude.writeUInt32BE(v, i * 4))
  const method = Buffer.from(`ASCII\0\0\0${GPS_MARK}`, 'latin1')
  const gps = entries(
    [
      [0x0001, 2, 2, 0x4e000000],
      [0x0002, 5, 3, latitude],
      [0x001b, 7, method.length, method],
    ],
    gpsAt,
  )
  const tiff = Buffer.concat([Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1'), ifd0, gps])
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
}

/** A small real JPEG with an APP1 EXIF block (orientation and GPS) after SOI. */
export function jpegWithGps(orientation = 6): Buffer {
  const canvas = createCanvas(8, 6)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#c33'
  ctx.fillRect(0, 0, 8, 6)
  const jpeg = canvas.toBuffer('image/jpeg')
  const payload = exifBlock(orientation)
  const app1 = Buffer.alloc(4)
  app1.writeUInt16BE(0xffe1, 0)
  app1.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)])
}

/** A PNG with a text chunk naming a place, before IEND. */
export function pngWithText(): Buffer {
  const png = createCanvas(4, 4).toBuffer('image/png')
  const data = Buffer.from(`Location\0${GPS_MARK}`, 'latin1')
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write('tEXt', 4, 'latin1')
  data.copy(chunk, 8)
  // The CRC is not checked by decoders we use for this test's purpose; zero is fine here.
  const iend = png.length - 12
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)])
}

/** A WebP (as canvas writes it, with a VP8X header) plus an EXIF chunk carrying the GPS block, announced in VP8X. */
export function webpWithExif(): Buffer {
  const plain = createCanvas(4, 4).toBuffer('image/webp')
  const chunks = Buffer.from(plain.subarray(12))
  if (chunks.toString('latin1', 0, 4) !== 'VP8X') throw new Error('expected canvas to write an extended WebP')
  chunks[8] |= 0x08 // EXIF present
  const exif = exifBlock().subarray(6) // WebP's EXIF chunk holds the TIFF data without the "Exif\0\0" prefix
  const head = Buffer.alloc(8)
  head.write('EXIF', 0, 'latin1')
  head.writeUInt32LE(exif.length, 4)
  const all = Buffer.concat([chunks, head, exif, exif.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
  const riff = Buffer.alloc(12)
  riff.write('RIFF', 0, 'latin1')
  riff.writeUInt32LE(4 + all.length, 4)
  riff.write('WEBP', 8, 'latin1')
  return Buffer.concat([riff, all])
}
