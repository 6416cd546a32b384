/**
 * The one place that calls wx.request and wx.uploadFile.
 *
 * - The backend's address comes from config.js.
 * - The session token lives in storage; a call that needs a person logs in first
 *   (wx.login → POST /api/mp/login), and on a 401 logs in again and retries once. A public
 *   read that did not take her token (200 with WWW-Authenticate: Bearer error="invalid_token")
 *   answered her as a stranger (the 报名 form for a seat she has): it counts as that 401.
 * - Reading needs no account, and logging in makes one: a page that only wants to know
 *   whether the person already has one asks recognise() (POST /api/mp/session/known),
 *   which signs in only someone known and creates nothing.
 * - Creates carry an Idempotency-Key that the caller keeps across retries, so tapping
 *   提交 again after a dropped connection never makes a second message.
 * - Failures reject with { status, code, message, details }: the backend's own Chinese
 *   message (for a refused form, its first field's), or plain words saying what to do
 *   when the network is down.
 * - Every answer's X-Liaison-Today (the office's date) is kept (server-today.js): pages say a date's year by it.
 * `wxApi` and `baseUrl` are injectable so the rules can be checked without a phone.
 */
const config = require('../config')
const serverToday = require('./server-today')

const TOKEN_KEY = 'session.token'
const PROFILE_KEY = 'session.profile'
// This install's WeChat user had no account when recognise() last asked: asking again on
// every open would spend a WeChat login each time for nothing. A real login clears it.
const UNKNOWN_KEY = 'session.unknown'
const NETWORK_MESSAGE = '网络不通，请检查网络后重试'
const SERVER_MESSAGE = '服务暂时不可用，请稍后再试'
// A proxy in front of the backend refuses a big photo (413) with its own page, not our JSON:
// what she can do about it is a smaller photo, not waiting for a service that is up.
const PHOTO_TOO_BIG_MESSAGE = '照片太大，传不上去，请换一张小一点的照片'
const TOO_BIG_MESSAGE = '内容太多，发不出去。请删减一些再试'
const TOKEN_NOT_TAKEN = /^bearer\b.*\berror="invalid_token"/i

/** forUpload: the failure of a photo's upload (its too-big says "photo"). */
function failure(res, forUpload) {
  const body = typeof res.data === 'string' ? safeJson(res.data) : res.data
  const error = (body && body.error) || {}
  const details = error.details || []
  const message = res.statusCode === 413 && !error.message ? (forUpload ? PHOTO_TOO_BIG_MESSAGE : TOO_BIG_MESSAGE) : plainMessage(error, details)
  return { status: res.statusCode, code: error.code || (res.statusCode === 413 ? 'too_large' : 'http_error'), message: message, details: details }
}

/**
 * A form the backend refused field by field says only "输入有误" on top; the field's own words
 * ("请填写项目名称") are what the person can act on, so those are the message.
 */
function plainMessage(error, details) {
  const first = details[0] && details[0].message
  if (error.code === 'validation_failed' && first) return first
  return error.message || SERVER_MESSAGE
}

function safeJson(text) {
  try {
    return JSON.parse(text)
  } catch (e) {
    return null
  }
}

/** A key for one logical create: the same key on every retry of that create. */
function newIdempotencyKey() {
  return 'mp-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12)
}

function createRequest(wxApi, baseUrl) {
  baseUrl = baseUrl || config.apiBase
  let loggingIn = null

  /** refuseStale: her token sent on a first try; an answer that did not take it rejects as a 401 would. */
  function send(method, path, data, headers, refuseStale) {
    return new Promise(function (resolve, reject) {
      wxApi.request({
        url: baseUrl + path,
        method: method,
        data: data,
        header: Object.assign({ 'content-type': 'application/json' }, headers),
        timeout: 15000,
        success: function (res) {
          serverToday.keepFrom(res.header)
          if (refuseStale && tokenNotTaken(res.header)) return reject({ status: 401, code: 'token_not_taken', message: '', details: [] })
          if (res.statusCode >= 200 && res.statusCode < 300) return resolve(res.data)
          reject(failure(res))
        },
        fail: function () {
          reject({ status: 0, code: 'network', message: NETWORK_MESSAGE, details: [] })
        },
      })
    })
  }

  /** The answer says the token sent was not taken (wx.request's res.header; a phone may spell the name in any case). */
  function tokenNotTaken(header) {
    return Object.keys(header || {}).some(function (name) {
      return name.toLowerCase() === 'www-authenticate' && TOKEN_NOT_TAKEN.test(String(header[name]))
    })
  }

  function token() {
    return wxApi.getStorageSync ? wxApi.getStorageSync(TOKEN_KEY) || null : null
  }

  function wxCode() {
    // The demo in WeChat DevTools has no AppID, so wx.login's code would lead nowhere: the demo server takes this instead.
    if (config.demoLogin) return Promise.resolve('demo:' + config.demoLogin)
    return new Promise(function (resolve, reject) {
      wxApi.login({
        success: function (res) {
          resolve(res.code)
        },
        fail: function () {
          reject({ status: 0, code: 'login_failed', message: '微信登录没有成功，请稍后重试', details: [] })
        },
      })
    })
  }

  /** The session and the profile pages read, kept as every sign-in keeps them. */
  function keep(session) {
    wxApi.setStorageSync(TOKEN_KEY, session.token)
    wxApi.setStorageSync(PROFILE_KEY, {
      id: session.id,
      roles: session.roles,
      deputy: session.deputy,
      consentVersion: session.consentVersion,
      hasPhone: session.hasPhone,
    })
    wxApi.removeStorageSync && wxApi.removeStorageSync(UNKNOWN_KEY)
    return session
  }

  /** One login at a time: pages that load together share it. */
  function login() {
    if (loggingIn) return loggingIn
    loggingIn = wxCode()
      .then(function (code) {
        return send('POST', '/api/mp/login', { code: code }, {})
      })
      .then(keep)
    loggingIn.then(clear, clear)
    return loggingIn

    function clear() {
      loggingIn = null
    }
  }

  let recognising = null
  /**
   * Signs in, quietly, only a person who already has an account: resolves with the stored
   * profile when known, null when not (remembered for this install, so WeChat is not asked on
   * every open) or when someone is signed in or was found unknown already. Rejects as a request
   * does when WeChat or the network fails; nothing is remembered then, the next open asks again.
   */
  function recognise() {
    if (recognising) return recognising
    if (token() || wxApi.getStorageSync(PROFILE_KEY) || wxApi.getStorageSync(UNKNOWN_KEY)) return Promise.resolve(null)
    recognising = wxCode()
      .then(function (code) {
        return send('POST', '/api/mp/session/known', { code: code }, {})
      })
      .then(function (answer) {
        if (answer && answer.known) {
          keep(answer)
          return wxApi.getStorageSync(PROFILE_KEY)
        }
        // A login meanwhile (another page needed the person) made them known: nothing to remember.
        if (!token()) wxApi.setStorageSync(UNKNOWN_KEY, true)
        return null
      })
    recognising.then(clear, clear)
    return recognising

    function clear() {
      recognising = null
    }
  }

  function authorised(extra) {
    return Object.assign({ authorization: 'Bearer ' + token() }, extra)
  }

  /**
   * request(method, path, data, options): options.auth false for public reads,
   * options.idempotencyKey for creates.
   */
  function request(method, path, data, options) {
    options = options || {}
    if (options.auth === false) return send(method, path, data, {})
    const extra = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}
    // Only the first try may be refused as stale: the one after signing in again is taken as it comes, never a loop.
    const first = token() ? send(method, path, data, authorised(extra), true) : Promise.reject({ status: 401 })
    return first.catch(function (err) {
      if (err.status !== 401) throw err
      wxApi.removeStorageSync && wxApi.removeStorageSync(TOKEN_KEY)
      return login().then(function () {
        return send(method, path, data, authorised(extra))
      })
    })
  }

  /** Uploads one file (wx.uploadFile), reporting progress 0–100; resolves with the parsed body. */
  function upload(path, filePath, onProgress) {
    function once() {
      return new Promise(function (resolve, reject) {
        const task = wxApi.uploadFile({
          url: baseUrl + path,
          filePath: filePath,
          name: 'file',
          header: authorised({}),
          timeout: 60000,
          success: function (res) {
            serverToday.keepFrom(res.header)
            if (res.statusCode >= 200 && res.statusCode < 300) return resolve(typeof res.data === 'string' ? safeJson(res.data) : res.data)
            reject(failure(res, true))
          },
          fail: function () {
            reject({ status: 0, code: 'network', message: NETWORK_MESSAGE, details: [] })
          },
        })
        if (task && task.onProgressUpdate && onProgress)
          task.onProgressUpdate(function (p) {
            onProgress(p.progress)
          })
      })
    }
    const ready = token() ? Promise.resolve() : login()
    return ready.then(once).catch(function (err) {
      if (err.status !== 401) throw err
      return login().then(once)
    })
  }

  function logout() {
    wxApi.removeStorageSync && wxApi.removeStorageSync(TOKEN_KEY)
    wxApi.removeStorageSync && wxApi.removeStorageSync(PROFILE_KEY)
  }

  request.upload = upload
  request.login = login
  request.recognise = recognise
  request.logout = logout
  return request
}

let shared = null
/** The mini-program's own request, made on first use (wx exists only on a phone or in tests). */
function phoneRequest() {
  if (!shared) shared = createRequest(wx, config.apiBase)
  return shared
}

/** What services take: request(method, path, data, options), with .upload, .login, .recognise and .logout. */
function request(method, path, data, options) {
  return phoneRequest()(method, path, data, options)
}
request.upload = function (path, filePath, onProgress) {
  return phoneRequest().upload(path, filePath, onProgress)
}
request.login = function () {
  return phoneRequest().login()
}
request.recognise = function () {
  return phoneRequest().recognise()
}
request.logout = function () {
  return phoneRequest().logout()
}

module.exports = { createRequest, request, newIdempotencyKey, NETWORK_MESSAGE }
