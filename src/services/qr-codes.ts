import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { readdirSync } from 'node:fs'
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas'
import QRCode from 'qrcode'
import { LEVEL_LABELS, type Deputy, type Station } from '../domain/directory.js'

const FONT = 'LiaisonSans'
let fontsRegistered = false

/** Noto Sans SC ships from npm as unicode-range slices; registering them all under one family covers every name. */
function registerFonts() {
  if (fontsRegistered) return
  const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')), 'files')
  for (const file of readdirSync(dir)) if (/-400-normal\.woff2$/.test(file)) GlobalFonts.registerFromPath(join(dir, file), FONT)
  fontsRegistered = true
}

export interface QrSettings {
  qrLinkPrefix: string
  cityName: string
}

/** The mini-program scene a code opens with: d=<deputy code> or s=<station code>. */
export const deputyScene = (code: string) => `d=${code}`
export const stationScene = (code: string) => `s=${code}`

/**
 * Printable QR codes for posters at stations: the code, then the name under it so that a
 * wall of posters can be told apart. The code is an ordinary link that WeChat opens in
 * the mini-program (扫普通链接二维码打开小程序).
 */
export class QrCodeRenderer {
  constructor(private readonly settings: QrSettings) {}

  linkFor(scene: string) {
    return `${this.settings.qrLinkPrefix}?scene=${encodeURIComponent(scene)}`
  }

  deputyPng(deputy: Pick<Deputy, 'code' | 'name' | 'level'>, station: Pick<Station, 'name'> | null): Buffer {
    return this.render(this.linkFor(deputyScene(deputy.code)), [
      { text: `${deputy.name} 代表`, size: 44 },
      { text: `${LEVEL_LABELS[deputy.level]}${station ? ` · ${station.name}` : ''}`, size: 26 },
      { text: '微信扫一扫，给代表留言', size: 24 },
    ])
  }

  stationPng(station: Pick<Station, 'code' | 'name' | 'address'>): Buffer {
    return this.render(this.linkFor(stationScene(station.code)), [
      { text: station.name, size: 40 },
      { text: station.address || this.settings.cityName, size: 24 },
      { text: '微信扫一扫，联系人大代表', size: 24 },
    ])
  }

  private render(link: string, lines: Array<{ text: string; size: number }>): Buffer {
    registerFonts()
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' })
    const modules = qr.modules.size
    const scale = 12
    const margin = 4 * scale // the quiet zone scanners need
    const width = modules * scale + 2 * margin
    const labelHeight = lines.reduce((h, l) => h + l.size * 1.5, 0) + scale * 2
    const canvas = createCanvas(width, width + labelHeight)
    const g = canvas.getContext('2d')
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, canvas.width, canvas.height)
    g.fillStyle = '#000000'
    for (let y = 0; y < modules; y++) {
      for (let x = 0; x < modules; x++) if (qr.modules.get(x, y)) g.fillRect(margin + x * scale, margin + y * scale, scale, scale)
    }
    let baseline = width
    for (const line of lines) {
      baseline += line.size * 1.4
      drawCentered(g, line.text, line.size, width, baseline)
    }
    return canvas.toBuffer('image/png')
  }
}

function drawCentered(g: SKRSContext2D, text: string, size: number, width: number, baseline: number) {
  let px = size
  g.font = `${px}px ${FONT}`
  // Long station names shrink to fit rather than being cut off.
  while (g.measureText(text).width > width - 40 && px > 12) g.font = `${--px}px ${FONT}`
  g.textAlign = 'center'
  g.fillText(text, width / 2, baseline)
}
