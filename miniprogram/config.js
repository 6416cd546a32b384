/**
 * Where the mini-program finds the backend (everything else it asks the backend: GET /api/mp/settings).
 * apiBase: your server (its domain listed under 开发管理 → 服务器域名 → request/uploadFile/downloadFile
 * 合法域名: meetings' uploaded files download from it), or http://127.0.0.1:3000 in WeChat DevTools
 * with "不校验合法域名" ticked.
 */
module.exports = {
  apiBase: 'https://liaison.example.gov.cn',
  /**
   * Only to try the demo city (`npm start`) in WeChat DevTools on the same computer, where there is
   * no AppID and so no WeChat login: whom to be, 'resident-4' (a resident; 1 to 8 wrote the demo's
   * messages) or 'deputy-DP0004' (a deputy, by his code). Leave it '' for anything else: a server
   * with WeChat login refuses it.
   */
  demoLogin: '',
}
