/** The mini-program's server API calls (wechat.md §2): login, phone number, subscribe messages, codes and content check. */
import { RateLimitError, ServiceUnavailableError, UnprocessableError } from '../errors.js'
import { API, isObject, WeChatChokepoint, type MiniprogramState } from './api-chokepoint.js'
import { WeChatApiError } from './errors.js'
import { prepareSubscribeData } from './subscribe-values.js'

export type { MiniprogramState, WeChatClientOptions, WeChatSetupProblem, WeChatSetupStatus } from './api-chokepoint.js'

export interface MiniProgramSession {
  openid: string
  /** Present only when the mini-program is bound to an Open Platform account. */
  unionid: string | null
}

export interface PhoneNumber {
  /** With the country code for numbers outside mainland China, e.g. +1 202…. */
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** Page the card opens, query allowed (pages/notice/notice?id=12); none: the card does not open anything. */
  page?: string
  /** Keyword → value, e.g. { thing1: '人代会议通知', time2: '2026年11月25日 09:00' }. */
  data: Record<string, string>
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
}

export interface MiniProgramCodeRequest {
  /** At most 32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~], e.g. "d=D0012". */
  scene: string
  /** pages/x/y, no leading slash and no query; default: the home page. */
  page?: string
  /** 280–1280 pixels; WeChat's default is 430. */
  width?: number
  /** Whether `page` must exist in the released version; default: only when miniprogramState is formal. */
  checkPath?: boolean
}

/** msg_sec_check scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4
export type ContentSuggest = 'pass' | 'review' | 'risky'

export interface ContentVerdict {
  suggest: ContentSuggest
  /** 100 normal; 10001 ads; 20001 politics; 20002 porn; 20003 abuse; 20006 crime; 20008 fraud; 20012 vulgar; 20013 copyright; 21000 other. */
  label: number
}

/** What a resident is told when content checking finds their text risky. */
export const CONTENT_RISKY_MESSAGE = '您提交的内容可能含有不适宜发布的信息，请修改后再提交'

// Said to a resident in plain words: a new try fetches a fresh code from wx.login, so trying again can help.
// A setup mistake is not hers to fix and trying again will not help: she is sent to the office.
const MISCONFIGURED_LOGIN_MESSAGE = '小程序登录暂时无法使用，请联系人大办公室'
const MISCONFIGURED_PHONE_MESSAGE = '暂时无法读取微信绑定的手机号，请自己填写电话'
const CODE_INVALID_MESSAGE = '微信登录没有成功，请再试一次；还不行的话，请关掉小程序后重新打开'
const PHONE_CODE_INVALID_MESSAGE = '没有取到微信绑定的手机号，请再点一次；也可以自己填写电话'
const INVALID_CODE_ERRCODES = new Set([40029, 40163, 40226])
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/
const CONTENT_MAX_CHARACTERS = 2500
const ENV_VERSION: Record<MiniprogramState, string> = { developer: 'develop', trial: 'trial', formal: 'release' }

export class WeChatClient extends WeChatChokepoint {
  /** wx.login code → the user's openid (and unionid). The session_key is never returned. */
  async code2Session(code: string): Promise<MiniProgramSession> {
    const api = API.code2Session
    try {
      const { appId, secret } = this.options
      const json = this.readJson(api, await this.send(api, { method: 'GET', query: { appid: appId, secret, js_code: code, grant_type: 'authorization_code' } }))
      if (typeof json.openid !== 'string' || json.openid === '') throw this.unexpected(api, 'no openid in the answer')
      this.setupWorks()
      return { openid: json.openid, unionid: typeof json.unionid === 'string' && json.unionid !== '' ? json.unionid : null }
    } catch (err) {
      throw userFacingCodeError(err, 'wechat_code_invalid')
    }
  }

  /** The code from `<button open-type="getPhoneNumber">` → the user's phone number. */
  async phoneNumber(code: string): Promise<PhoneNumber> {
    const api = API.phoneNumber
    try {
      const json = await this.callWithToken(api, { code })
      const info = json.phone_info
      if (!isObject(info) || typeof info.purePhoneNumber !== 'string') throw this.unexpected(api, 'no phone_info in the answer')
      return {
        phoneNumber: String(info.phoneNumber ?? info.purePhoneNumber),
        purePhoneNumber: info.purePhoneNumber,
        // Documented as a string, shown as the number 86 in WeChat's own example.
        countryCode: String(info.countryCode ?? ''),
      }
    } catch (err) {
      throw userFacingCodeError(err, 'wechat_phone_code_invalid')
    }
  }

  /**
   * Sends one subscribe message. Values are checked first: a value WeChat would refuse
   * throws a local 'bad_data' error without any request; a too-long thing is cut.
   * 43101 (no subscription left) throws kind 'no_subscription'; 45009 'quota'; 47003 'bad_data'.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgid: string }> {
    const api = API.subscribeSend
    if (!message.touser) throw localRefusal(api, 40003, 'touser: 缺少接收者 openid (openid is missing)')
    if (!message.templateId) throw localRefusal(api, 40037, 'template_id: 缺少模板 (template id is missing)')
    const { values, cut, problems } = prepareSubscribeData(message.data)
    if (problems.length > 0) throw localRefusal(api, 47003, problems.map((p) => p.reason).join('; '))
    if (cut.length > 0) this.log.info({ api, keys: cut }, 'subscribe message values cut to fit')

    const data = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }]))
    const body = {
      touser: message.touser,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      miniprogram_state: this.options.miniprogramState,
      lang: message.lang ?? 'zh_CN',
      data,
    }
    const text = await this.callWithToken(api, body, (answer) => {
      this.readJson(api, answer)
      return answer.body.toString('utf8')
    })
    // msgid is a 64-bit number: read its digits from the text, JSON.parse would round it.
    const msgid = /"msgid"\s*:\s*"?(-?\d+)"?/.exec(text)?.[1] ?? ''
    return { msgid }
  }

  /** An unlimited mini-program code (wxacode) for a scene: the image bytes. */
  async miniProgramCode(request: MiniProgramCodeRequest): Promise<Buffer> {
    const api = API.unlimitedCode
    const { scene, page, width } = request
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
      throw localRefusal(api, 40169, 'scene: 场景值须为1至32个字符 (scene must be 1 to 32 characters)')
    }
    if (!SCENE_CHARACTERS.test(scene)) {
      throw localRefusal(api, 40129, "scene: 只能使用数字、字母和 !#$&'()*+,/:;=?@-._~ (only digits, letters and !#$&'()*+,/:;=?@-._~)")
    }
    if (page !== undefined && (page.startsWith('/') || page.includes('?') || page === '')) {
      throw localRefusal(api, 41030, 'page: 页面路径不能以 / 开头，也不能带参数 (no leading slash, no query)')
    }
    if (width !== undefined && !(Number.isInteger(width) && width >= 280 && width <= 1280)) {
      throw localRefusal(api, 40097, 'width: 须为280至1280的整数 (an integer from 280 to 1280)')
    }
    const state = this.options.miniprogramState
    const body = {
      scene,
      ...(page ? { page } : {}),
      ...(width ? { width } : {}),
      check_path: request.checkPath ?? state === 'formal',
      env_version: ENV_VERSION[state],
    }
    // Success is an image, failure is JSON, both with HTTP 200: the Content-Type decides.
    return this.callWithToken(api, body, (answer) => {
      if (/^image\//i.test(answer.contentType)) return answer.body
      this.readJson(api, answer)
      throw this.unexpected(api, `expected an image, got ${answer.contentType || 'no Content-Type'}`)
    })
  }

  /**
   * Content security check, version 2. The verdict is in `suggest` even though errcode is 0:
   * 'risky' should be refused (CONTENT_RISKY_MESSAGE), 'review' flagged for staff.
   * The openid must have opened the mini-program within the last 2 hours (else 61010).
   */
  async contentCheck(request: { content: string; openid: string; scene: ContentScene; title?: string; nickname?: string }): Promise<ContentVerdict> {
    const api = API.msgSecCheck
    if (Array.from(request.content).length > CONTENT_MAX_CHARACTERS) {
      throw localRefusal(api, 47001, `content: 内容超过${CONTENT_MAX_CHARACTERS}字 (longer than ${CONTENT_MAX_CHARACTERS} characters)`)
    }
    const body = {
      content: request.content,
      version: 2,
      scene: request.scene,
      openid: request.openid,
      ...(request.title ? { title: request.title } : {}),
      ...(request.nickname ? { nickname: request.nickname } : {}),
    }
    const json = await this.callWithToken(api, body)
    const result = json.result
    const suggest = isObject(result) ? result.suggest : undefined
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw this.unexpected(api, 'no result.suggest in the answer')
    const label = isObject(result) ? Number(result.label) : NaN
    if (suggest !== 'pass') this.log.info({ api, suggest, label }, 'content check flagged a text')
    return { suggest, label: Number.isFinite(label) ? label : 0 }
  }
}

function localRefusal(api: string, errcode: number, reason: string): WeChatApiError {
  return new WeChatApiError({ api, errcode, errmsg: reason, kind: 'bad_data', local: true })
}

/**
 * Login and phone codes: an invalid or used code is the user's to fix (422), a minute quota a 429;
 * a wrong AppID, AppSecret or IP whitelist is the office's (503 wechat_misconfigured, in words that
 * send the person to the office; what is wrong is on /readyz and in the log, never to the person).
 */
function userFacingCodeError(err: unknown, code: 'wechat_code_invalid' | 'wechat_phone_code_invalid'): unknown {
  if (!(err instanceof WeChatApiError)) return err
  // WeChat slow, down or answering 5xx is nobody's mistake: the person can try again shortly.
  if (err.kind === 'transport' || err.kind === 'system') return new ServiceUnavailableError('暂时连不上微信，请稍后再试', 'wechat_unavailable')
  if (err.kind === 'config')
    return new ServiceUnavailableError(code === 'wechat_code_invalid' ? MISCONFIGURED_LOGIN_MESSAGE : MISCONFIGURED_PHONE_MESSAGE, 'wechat_misconfigured')
  if (err.errcode === null) return err
  if (INVALID_CODE_ERRCODES.has(err.errcode))
    return new UnprocessableError(code === 'wechat_code_invalid' ? CODE_INVALID_MESSAGE : PHONE_CODE_INVALID_MESSAGE, [], code)
  if (err.errcode === 45011) return new RateLimitError(code === 'wechat_code_invalid' ? '登录过于频繁，请稍后再试' : '操作过于频繁，请稍后再试', 60)
  return err
}
