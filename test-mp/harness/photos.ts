import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '../../test/helpers/app.js'
import { jpegWithGps } from '../../test/helpers/images.js'
import type { Backend } from './backend.js'

/** A photo on the phone, as wx.chooseMedia hands it over (a temporary file of that name). */
export function photoOnPhone(name = 'tmp_photo.jpg'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mp-photo-')), name)
  writeFileSync(file, jpegWithGps())
  return file
}

/** A photo `who` uploaded as the mini-program does (for what a story makes through the API): its link. */
export async function uploadedPhoto(app: Backend, who: Client): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'visit.jpg')
  const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${who.bearer}` } })
  if (answer.status !== 201) throw new Error(`upload refused: ${answer.status} ${await answer.text()}`)
  return ((await answer.json()) as { url: string }).url
}
