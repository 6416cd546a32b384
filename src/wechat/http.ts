import axios, { type AxiosInstance } from 'axios'

/**
 * The HTTP client both WeChat and WeCom calls use: raw bytes back (a mini-program code is
 * an image, an error is JSON), every status handed to the caller (WeChat answers errors
 * as HTTP 200 with an errcode), no redirects.
 */
export function wechatHttp(apiBase: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL: apiBase.replace(/\/+$/, ''),
    timeout: timeoutMs,
    responseType: 'arraybuffer',
    validateStatus: () => true,
    maxRedirects: 0,
  })
}
