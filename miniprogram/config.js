/**
 * Where the mini-program finds the backend (everything else it asks the backend: GET /api/mp/settings).
 * apiBase: your server (its domain listed under 开发管理 → 服务器域名 → request/uploadFile/downloadFile
 * 合法域名: meetings' uploaded files download from it), or http://127.0.0.1:3000 in WeChat DevTools
 * with "不校验合法域名" ticked.
 */
module.exports = {
  apiBase: 'https://liaison.example.gov.cn',
}
