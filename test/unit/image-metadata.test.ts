import { loadImage } from '@napi-rs/canvas'
import { expect } from 'chai'
import { stripImageMetadata } from '../../src/security/image-metadata.js'
import { GPS_MARK, jpegWithGps, pngWithText, webpWithExif } from '../helpers/images.js'

const has = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'latin1'))

describe('removing where a photo was taken before it is stored', () => {
  it('drops the EXIF of a JPEG, GPS and maker with it, keeps the orientation, and the picture still opens', async () => {
    const photo = jpegWithGps(6)
    expect(has(photo, GPS_MARK)).to.equal(true)
    const clean = stripImageMetadata(photo, 'image/jpeg')
    expect(has(clean, GPS_MARK), 'GPS').to.equal(false)
    expect(has(clean, 'PhoneMaker'), 'maker').to.equal(false)
    // The orientation survives in a minimal EXIF block: tag 0x0112, SHORT, 1, value 6.
    expect(clean.includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06]))).to.equal(true)
    const image = await loadImage(clean)
    expect([image.width, image.height]).to.have.members([8, 6])
  })

  it('writes no EXIF at all for an upright JPEG', () => {
    const clean = stripImageMetadata(jpegWithGps(1), 'image/jpeg')
    expect(has(clean, 'Exif')).to.equal(false)
  })

  it('drops text chunks of a PNG', async () => {
    const clean = stripImageMetadata(pngWithText(), 'image/png')
    expect(has(clean, GPS_MARK)).to.equal(false)
    expect((await loadImage(clean)).width).to.equal(4)
  })

  it('drops the EXIF chunk of a WebP and fixes its header so that it still opens', async () => {
    const photo = webpWithExif()
    const clean = stripImageMetadata(photo, 'image/webp')
    expect(has(clean, GPS_MARK)).to.equal(false)
    expect(clean.readUInt32LE(4), 'RIFF size').to.equal(clean.length - 8)
    expect(clean[20] & 0x08, 'VP8X no longer announces EXIF').to.equal(0)
    expect((await loadImage(clean)).width).to.equal(4)
  })

  it('leaves a file it cannot read as it came', () => {
    const odd = Buffer.from('not an image at all')
    expect(stripImageMetadata(odd, 'image/jpeg')).to.equal(odd)
    expect(stripImageMetadata(odd, 'image/gif')).to.equal(odd)
  })
})
