import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { readdirSync } from 'node:fs'
import type { SKRSContext2D } from '@napi-rs/canvas'
import type { Deputy, Station } from '../domain/directory.js'
import { spokenMeetingTime } from '../domain/meeting-words.js'
import { SURVEY_KIND_LABELS, surveyPhase, type SurveyRecord } from '../domain/survey.js'

const FONT = 'LiaisonSans'

type DrawingKit = { canvas: typeof import('@napi-rs/canvas'); QRCode: typeof import('qrcode') }
let drawingKit: Promise<DrawingKit> | null = null

/**
 * The canvas (a native module) and the QR encoder, loaded at the first code drawn: loading
 * them with everything else was a second of every start-up under load, and most starts
 * never draw one.
 */
function drawing(): Promise<DrawingKit> {
  drawingKit ??= Promise.all([import('@napi-rs/canvas'), import('qrcode')]).then(([canvas, qrcode]) => {
    registerFonts(canvas.GlobalFonts)
    return { canvas, QRCode: qrcode.default }
  })
  drawingKit.catch(() => (drawingKit = null))
  return drawingKit
}

/** Noto Sans SC ships from npm as unicode-range slices; registering them all under one family covers every name. */
function registerFonts(fonts: DrawingKit['canvas']['GlobalFonts']) {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')), 'files')
  for (const file of readdirSync(dir)) if (/-400-normal\.woff2$/.test(file)) fonts.registerFromPath(join(dir, file), FONT)
}

export interface QrSettings {
  qrLinkPrefix: string
  cityName: string
}

/** The mini-program scene a code opens with: d=<deputy code> or s=<station code>. */
export const deputyScene = (code: string) => `d=${code}`
export const stationScene = (code: string) => `s=${code}`
/** A meeting's check-in code: scene m=<meeting short code>. */
export const meetingScene = (code: string) => `m=${code}`
/** A survey's poster code: scene v=<survey short code>. */
export const surveyScene = (code: string) => `v=${code}`

/**
 * The two lines under a survey's title on its poster. A closed survey's poster is kept (the
 * record of what was asked) but must not still invite a scan: it says it has ended and thanks.
 */
export function surveyPosterWords(s: Pick<SurveyRecord, 'kind' | 'opensAt' | 'closesAt'>, now: Date): [string, string] {
  const kind = SURVEY_KIND_LABELS[s.kind]
  if (surveyPhase(s, now) === 'closed') return [`${kind} · 已结束`, '填写已经结束，感谢您的参与']
  return [`${kind} · 欢迎参与`, '微信扫一扫，参与填写']
}

/**
 * Printable QR codes for posters at stations: the code, then the name under it so that a
 * wall of posters can be told apart. The code is an ordinary link that WeChat opens in
 * the mini-program (扫普通链接二维码打开小程序).
 */
/** A mini-program code from WeChat (wxacode.getUnlimited) for a scene, or null to fall back to a local QR code. */
export type MiniProgramCodeSource = (scene: string) => Promise<Buffer | null>

export class QrCodeRenderer {
  constructor(
    private readonly settings: QrSettings,
    private readonly wechatCode: MiniProgramCodeSource | null = null,
  ) {}

  linkFor(scene: string) {
    return `${this.settings.qrLinkPrefix}?scene=${encodeURIComponent(scene)}`
  }

  /**
   * `levelLabel`: as people say it where he serves (区人大代表 in a 区: DeputyView.levelLabel), as his card says it.
   * `plain`: the code alone, for the console's poster page, which prints his name and the call to scan in large type
   * itself (the same lines drawn small in the image too were said twice); the PNG printed on its own keeps them.
   */
  async deputyPng(deputy: Pick<Deputy, 'code' | 'name'> & { levelLabel: string }, station: Pick<Station, 'name'> | null, plain = false): Promise<Buffer> {
    if (plain) return this.render(deputyScene(deputy.code), [])
    return this.render(deputyScene(deputy.code), [
      { text: `${deputy.name} 代表`, size: 44 },
      { text: `${deputy.levelLabel}${station ? ` · ${station.name}` : ''}`, size: 26 },
      { text: '微信扫一扫，给代表留言', size: 24 },
    ])
  }

  /** `plain`: the code alone, as for deputyPng: the poster page says the name, address and call once, large. */
  async stationPng(station: Pick<Station, 'code' | 'name' | 'address'>, plain = false): Promise<Buffer> {
    if (plain) return this.render(stationScene(station.code), [])
    return this.render(stationScene(station.code), [
      { text: station.name, size: 40 },
      { text: station.address || this.settings.cityName, size: 24 },
      { text: '微信扫一扫，联系人大代表', size: 24 },
    ])
  }

  /** The check-in code shown at the door: scanning it in the mini-program during the meeting signs the deputy in. */
  async meetingPng(meeting: { shortCode: string; title: string }, when: string): Promise<Buffer> {
    return this.render(meetingScene(meeting.shortCode), [
      { text: meeting.title, size: 36 },
      { text: when, size: 26 },
      { text: '参会人员微信扫一扫签到', size: 24 },
    ])
  }

  /**
   * A meeting's poster: its title and when it is, in the business time zone, as every notice to its invitees says it
   * (spokenMeetingTime): "11月26日（星期四）上午9:30至上午11:30", the year too when it is not this year's.
   */
  meetingPoster(m: { shortCode: string; title: string; startAt: Date; endAt: Date }, timeZone: string, now: Date) {
    return this.meetingPng(m, spokenMeetingTime(m.startAt, m.endAt, timeZone, now))
  }

  /** A survey's poster: its title, its kind, and whether it still takes answers. */
  surveyPoster(s: Pick<SurveyRecord, 'shortCode' | 'title' | 'kind' | 'opensAt' | 'closesAt'>, now: Date) {
    const [kindLine, askLine] = surveyPosterWords(s, now)
    return this.surveyPng(s, kindLine, askLine)
  }

  /** The link a survey's poster opens (shown beside the survey in the console). */
  surveyLink(shortCode: string) {
    return this.linkFor(surveyScene(shortCode))
  }

  async surveyPng(survey: { shortCode: string; title: string }, kindLabel: string, askLine = '微信扫一扫，参与填写'): Promise<Buffer> {
    return this.render(surveyScene(survey.shortCode), [
      { text: survey.title, size: 34 },
      { text: kindLabel, size: 26 },
      { text: askLine, size: 24 },
    ])
  }

  /**
   * WeChat's own mini-program code when WeChat is configured and answers; otherwise (or
   * when it fails) an ordinary QR code of the link, which WeChat also opens. Either way
   * with the labels under it.
   */
  private async render(scene: string, lines: Array<{ text: string; size: number }>): Promise<Buffer> {
    const {
      canvas: { createCanvas, loadImage },
      QRCode,
    } = await drawing()
    const fromWeChat = this.wechatCode ? await this.wechatCode(scene).catch(() => null) : null
    const size = 12 * 45
    const labelHeight = lines.length ? lines.reduce((h, l) => h + l.size * 1.5, 0) + 24 : 0
    if (fromWeChat) {
      const image = await loadImage(fromWeChat)
      const canvas = createCanvas(size, size + labelHeight)
      const g = canvas.getContext('2d')
      g.fillStyle = '#ffffff'
      g.fillRect(0, 0, canvas.width, canvas.height)
      g.drawImage(image, 24, 24, size - 48, size - 48)
      this.label(g, lines, size)
      return canvas.toBuffer('image/png')
    }
    const qr = QRCode.create(this.linkFor(scene), { errorCorrectionLevel: 'M' })
    const modules = qr.modules.size
    const scale = 12
    const margin = 4 * scale // the quiet zone scanners need
    const width = modules * scale + 2 * margin
    const canvas = createCanvas(width, width + labelHeight)
    const g = canvas.getContext('2d')
    g.fillStyle = '#ffffff'
    g.fillRect(0, 0, canvas.width, canvas.height)
    g.fillStyle = '#000000'
    for (let y = 0; y < modules; y++) {
      for (let x = 0; x < modules; x++) if (qr.modules.get(x, y)) g.fillRect(margin + x * scale, margin + y * scale, scale, scale)
    }
    this.label(g, lines, width)
    return canvas.toBuffer('image/png')
  }

  private label(g: SKRSContext2D, lines: Array<{ text: string; size: number }>, width: number) {
    g.fillStyle = '#000000'
    let baseline = width
    for (const line of lines) {
      baseline += line.size * 1.4
      drawCentered(g, line.text, line.size, width, baseline)
    }
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
