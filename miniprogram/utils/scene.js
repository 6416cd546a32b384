/**
 * Where a resident came from, read from the page's launch query. Three ways in:
 *  - an ordinary-link QR code (our posters): query.q is the URL-encoded link, whose
 *    `scene` parameter holds "d=DP0001" or "s=ST001";
 *  - a mini-program code (wxacode.getUnlimited): query.scene, URL-encoded;
 *  - wx.scanCode inside the app: a path "pages/index/index?scene=…", encoded on iOS and
 *    raw on Android.
 * Returns { deputyCode, stationCode, meetingCode, surveyCode } with nulls where absent
 * (d= a deputy, s= a station, m= a meeting's check-in code, v= a survey's poster).
 */
function safeDecode(text) {
  try {
    return decodeURIComponent(text)
  } catch (e) {
    return text
  }
}

function parseSceneText(scene) {
  const out = { deputyCode: null, stationCode: null, meetingCode: null, surveyCode: null }
  if (!scene) return out
  const text = safeDecode(String(scene))
  text.split('&').forEach(function (pair) {
    const at = pair.indexOf('=')
    if (at < 0) return
    const key = pair.slice(0, at)
    const value = pair
      .slice(at + 1)
      .trim()
      .toUpperCase()
    if (!/^[A-Z0-9_-]{1,24}$/.test(value)) return
    if (key === 'd') out.deputyCode = value
    if (key === 's') out.stationCode = value
    if (key === 'm') out.meetingCode = value
    if (key === 'v') out.surveyCode = value
  })
  return out
}

function sceneFromLink(link) {
  const text = safeDecode(String(link))
  const match = text.match(/[?&]scene=([^&#]*(?:&[dsmv]=[^&#]*)*)/)
  return match ? match[1] : null
}

function parseLaunchQuery(query) {
  query = query || {}
  if (query.q) return parseSceneText(sceneFromLink(query.q))
  if (query.scene) return parseSceneText(query.scene)
  return parseSceneText(null)
}

function parseScanPath(path) {
  const at = String(path || '').indexOf('scene=')
  return parseSceneText(at < 0 ? null : String(path).slice(at + 'scene='.length))
}

module.exports = { parseLaunchQuery, parseScanPath, parseSceneText }
