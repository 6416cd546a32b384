/**
 * Where the mini-program finds the backend. The one place to change it: point it at your
 * server (its domain must be listed under 开发管理 → 服务器域名 → request 合法域名), or at
 * http://127.0.0.1:3000 in WeChat DevTools with "不校验合法域名" ticked.
 */
module.exports = {
  apiBase: 'https://liaison.example.gov.cn',
}
