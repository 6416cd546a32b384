// The backend's address; in development tools set "不校验合法域名" or point it at a tunnel.
App({
  globalData: { apiBase: 'https://liaison.example.gov.cn' },
})
