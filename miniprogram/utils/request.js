/**
 * The one place that calls wx.request. Resolves with the body of a 2xx answer and
 * rejects with { status, code, message } otherwise; the message is the backend's Chinese
 * one, ready to show. `wxApi` is injectable so that tests need no simulator.
 */
function createRequest(wxApi, baseUrl) {
  return function request(method, path, data) {
    return new Promise(function (resolve, reject) {
      wxApi.request({
        url: baseUrl + path,
        method: method,
        data: data,
        header: { 'content-type': 'application/json' },
        timeout: 10000,
        success: function (res) {
          if (res.statusCode >= 200 && res.statusCode < 300) return resolve(res.data)
          const error = (res.data && res.data.error) || {}
          reject({ status: res.statusCode, code: error.code || 'http_error', message: error.message || '服务暂时不可用，请稍后再试' })
        },
        fail: function () {
          reject({ status: 0, code: 'network', message: '网络不通，请检查网络后重试' })
        },
      })
    })
  }
}

module.exports = { createRequest }
