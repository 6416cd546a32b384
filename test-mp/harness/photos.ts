import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jpegWithGps } from '../../test/helpers/images.js'

/** A photo on the phone, as wx.chooseMedia hands it over (a temporary file of that name). */
export function photoOnPhone(name = 'tmp_photo.jpg'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mp-photo-')), name)
  writeFileSync(file, jpegWithGps())
  return file
}
